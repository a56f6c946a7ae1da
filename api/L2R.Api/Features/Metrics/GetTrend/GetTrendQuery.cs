using FluentValidation;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Metrics;
using Mediator;

namespace L2R.Api.Features.Metrics.GetTrend;

public sealed record GetTrendQuery(MetricsParameters Filter, TrendBucket Bucket) : IQuery<TrendDto>, IMetricsQuery;

public sealed class GetTrendValidator : MetricsQueryValidator<GetTrendQuery>
{
    public GetTrendValidator()
    {
        RuleFor(q => q.Bucket).IsInEnum();
    }
}

/// <summary>
/// The waterfall per week or month (UTC until tenants have a time zone), from one ledger query over all the buckets:
/// the domain counts each bucket from the same cells, so every bucket adds up like the waterfall itself.
/// </summary>
public sealed class GetTrendHandler(L2RDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetTrendQuery, TrendDto>
{
    private const int MaxBuckets = 160;

    public async ValueTask<TrendDto> Handle(GetTrendQuery query, CancellationToken ct)
    {
        var asked = query.Filter.Resolve(clock.GetUtcNow().UtcDateTime, user.UserId);
        var boundaries = Boundaries(query.Bucket, asked.From, asked.To);
        if (boundaries.Count - 1 > MaxBuckets)
        {
            throw RequestValidationException.For("bucket", $"The period holds {boundaries.Count - 1} buckets; ask for at most {MaxBuckets}.");
        }

        var scope = asked with { From = boundaries[0], To = boundaries[^1] };
        var cells = await Ledger.CellsAsync(db, scope, boundaries, groupBy: null, ct);
        var points = Enumerable.Range(0, boundaries.Count - 1)
            .Select(b => new TrendPointDto(boundaries[b], boundaries[b + 1], Waterfall.Stages(scope.Mode, b, cells).Select(StageFiguresDto.From).ToList()))
            .ToList();
        return new TrendDto(scope.Mode, query.Bucket, scope.From, scope.To, points);
    }

    /// <summary>Bucket starts from the week (Monday) or month holding <paramref name="from"/> up to the first start at or after <paramref name="to"/>.</summary>
    public static List<DateTime> Boundaries(TrendBucket bucket, DateTime from, DateTime to)
    {
        var start = bucket == TrendBucket.Week
            ? from.Date.AddDays(-(((int)from.DayOfWeek + 6) % 7))
            : new DateTime(from.Year, from.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var boundaries = new List<DateTime> { DateTime.SpecifyKind(start, DateTimeKind.Utc) };
        while (boundaries[^1] < to && boundaries.Count <= MaxBuckets + 1)
        {
            boundaries.Add(bucket == TrendBucket.Week ? boundaries[^1].AddDays(7) : boundaries[^1].AddMonths(1));
        }

        return boundaries;
    }
}
