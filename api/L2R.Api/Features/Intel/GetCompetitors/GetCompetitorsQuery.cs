using FluentValidation;
using L2R.Api.Features.Calendars;
using L2R.Api.Features.Metrics;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Intel;
using L2R.Domain.Leads;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Intel.GetCompetitors;

public sealed record GetCompetitorsQuery(IntelParameters Filter, TrendBucket Bucket) : IQuery<CompetitorReportDto>, IIntelQuery;

public sealed class GetCompetitorsValidator : IntelQueryValidator<GetCompetitorsQuery>
{
    public GetCompetitorsValidator()
    {
        RuleFor(q => q.Bucket).IsInEnum();
    }
}

/// <summary>
/// Competitors by the leads they came up on, over the period widened to whole buckets in the tenant's time zone (as
/// the metrics trend widens to whole weeks or months), each bucket counting distinct leads as its drill-down with the
/// bucket's start and end lists them; and of those leads, the ones Won and Lost today.
/// </summary>
public sealed class GetCompetitorsHandler(L2RDbContext db, CalendarStore calendars, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetCompetitorsQuery, CompetitorReportDto>
{
    public async ValueTask<CompetitorReportDto> Handle(GetCompetitorsQuery query, CancellationToken ct)
    {
        var asked = query.Filter.Resolve(clock.GetUtcNow().UtcDateTime, user.UserId);
        var timeZone = (await calendars.GetAsync(ct)).TimeZone;
        var boundaries = IntelBuckets.Boundaries(query.Bucket, asked.From, asked.To, timeZone);
        var scope = asked with { From = boundaries[0], To = boundaries[^1] };
        var counts = await IntelCounts.PerTagAsync(db, IntelKind.Competitor, scope, ct);
        var mentions = await IntelRecords.Mentions(db, scope, IntelKind.Competitor).Select(t => new { t.TagId, t.LeadId, t.RecordedAt }).ToListAsync(ct);
        var leadIds = counts.SelectMany(c => c.LeadIds).Distinct().ToList();
        var states = await db.Leads.AsNoTracking().Where(l => leadIds.Contains(l.Id)).Select(l => new { l.Id, l.State }).ToDictionaryAsync(l => l.Id, l => l.State, ct);
        int Bucket(DateTime at) => boundaries.FindLastIndex(b => b <= at);

        var competitors = counts.Select(c =>
            {
                var trend = new int[boundaries.Count - 1];
                foreach (var bucket in mentions.Where(m => m.TagId == c.TagId).GroupBy(m => Bucket(m.RecordedAt)))
                {
                    trend[bucket.Key] = bucket.Select(m => m.LeadId).Distinct().Count();
                }

                var won = c.LeadIds.Count(id => states.GetValueOrDefault(id) == LeadState.Won);
                var lost = c.LeadIds.Count(id => states.GetValueOrDefault(id) == LeadState.Lost);
                return new CompetitorFigureDto(c.TagId, c.Label, c.Retired, c.Leads, c.Mentions, trend, won, lost, won + lost == 0 ? null : (double)won / (won + lost));
            })
            .ToList();
        var buckets = boundaries.Zip(boundaries.Skip(1), (start, end) => new IntelBucketDto(start, end)).ToList();
        return new CompetitorReportDto(scope.From, scope.To, query.Bucket, timeZone, buckets, competitors);
    }
}
