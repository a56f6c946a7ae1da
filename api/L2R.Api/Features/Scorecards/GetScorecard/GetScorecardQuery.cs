using FluentValidation;
using L2R.Api.Features.Agreements;
using L2R.Api.Features.Calendars;
using L2R.Api.Features.Metrics;
using L2R.Api.Features.Metrics.GetTrend;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Agreements;
using Mediator;

namespace L2R.Api.Features.Scorecards.GetScorecard;

/// <summary>The active agreement's shared goals against their targets, over the period and per week or month.</summary>
public sealed record GetScorecardQuery(MetricsParameters Filter, TrendBucket Bucket) : IQuery<ScorecardDto>, IMetricsQuery;

public sealed class GetScorecardValidator : MetricsQueryValidator<GetScorecardQuery>
{
    public GetScorecardValidator()
    {
        RuleFor(q => q.Bucket).IsInEnum();
    }
}

public sealed class GetScorecardHandler(L2RDbContext db, AgreementStore agreements, CalendarStore calendars, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<GetScorecardQuery, ScorecardDto>
{
    private const int MaxBuckets = 160;

    public async ValueTask<ScorecardDto> Handle(GetScorecardQuery query, CancellationToken ct)
    {
        var asked = query.Filter.Resolve(clock.GetUtcNow().UtcDateTime, user.UserId);
        var boundaries = GetTrendHandler.Boundaries(query.Bucket, asked.From, asked.To);
        if (boundaries.Count - 1 > MaxBuckets)
        {
            throw RequestValidationException.For("bucket", $"The period holds {boundaries.Count - 1} buckets; ask for at most {MaxBuckets}.");
        }

        var active = await agreements.GetActiveAsync(ct);
        var goals = active.Agreement.Scorecard.Goals;
        var calendar = await calendars.GetAsync(ct);
        var scope = asked with { From = boundaries[0], To = boundaries[^1] };
        var readings = await ScorecardReads.ReadAsync(db, calendar, goals, scope, boundaries, ct);
        return new ScorecardDto(
            active.Version,
            query.Bucket,
            scope.From,
            scope.To,
            goals.Select((goal, g) => new ScorecardGoalDto(
                goal.Id,
                goal.Describe(),
                goal.Label ?? ScorecardMeasures.Name(goal.Measure),
                goal.Measure,
                ScorecardMeasures.IsHours(goal.Measure) ? "hours" : "share",
                ScorecardMeasures.HigherIsBetter(goal.Measure),
                goal.Target,
                goal.MinimumSample,
                ScorecardMeasures.Formula(goal.Measure),
                Point(scope.From, scope.To, readings.Whole[g]),
                readings.PerBucket[g].Select((reading, b) => Point(boundaries[b], boundaries[b + 1], reading)).ToList())).ToList());
    }

    private static ScorecardPointDto Point(DateTime from, DateTime to, Domain.Metrics.ScorecardReading reading) =>
        new(from, to, reading.Value, reading.Sample, reading.Met);
}
