using L2R.Api.Features.Metrics;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Agreements;
using L2R.Domain.Calendars;
using L2R.Domain.Leads;
using L2R.Domain.Metrics;
using L2R.Domain.Slas;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Scorecards;

/// <summary>Each goal's reading per bucket, and over the whole range.</summary>
public sealed record ScorecardReadings(IReadOnlyList<IReadOnlyList<ScorecardReading>> PerBucket, IReadOnlyList<ScorecardReading> Whole);

/// <summary>
/// Reads goals over buckets [b0, b1), [b1, b2)…: one period-mode ledger query (the Metrics page's waterfall, so the
/// numbers agree) and one query for the SLA clocks started in the range. The review brief reads its goals here too.
/// </summary>
public static class ScorecardReads
{
    private sealed record ClockRow(SlaTerm Term, SlaClockStatus Status, DateTime StartedAt, DateTime? StoppedAt, DateTime? BreachedAt);

    /// <summary>
    /// Per goal (in the order of <paramref name="goals"/>), its reading in each bucket and over the whole range, from the
    /// same two queries: in period mode every exit falls in one bucket, so the whole range is the buckets' cells merged.
    /// </summary>
    public static async Task<ScorecardReadings> ReadAsync(
        L2RDbContext db, BusinessCalendar calendar, IReadOnlyList<ScorecardGoal> goals, MetricsScope scope, IReadOnlyList<DateTime> boundaries, CancellationToken ct)
    {
        if (goals.Count == 0)
        {
            return new ScorecardReadings([], []);
        }

        var periodScope = scope with { Mode = WaterfallMode.Period, From = boundaries[0], To = boundaries[^1] };
        var cells = await Ledger.CellsAsync(db, periodScope, boundaries, groupBy: null, ct);
        var clocks = await ClocksAsync(db, periodScope, ct);
        var buckets = Enumerable.Range(0, boundaries.Count - 1)
            .Select(b => (Stages: Waterfall.Stages(WaterfallMode.Period, b, cells), Sla: Sample(clocks.Where(c => c.StartedAt >= boundaries[b] && c.StartedAt < boundaries[b + 1]), calendar)))
            .ToList();
        var whole = (Stages: Waterfall.Stages(WaterfallMode.Period, 0, [.. cells.Select(c => InOneBucket(c, boundaries.Count - 1))]), Sla: Sample(clocks, calendar));
        return new ScorecardReadings(
            [.. goals.Select(goal => (IReadOnlyList<ScorecardReading>)[.. buckets.Select(b => ScorecardReader.Read(goal, b.Stages, b.Sla))])],
            [.. goals.Select(goal => ScorecardReader.Read(goal, whole.Stages, whole.Sla))]);
    }

    /// <summary>A cell of <paramref name="buckets"/> buckets placed as if the range were one: before it, in it (0), or after it (1).</summary>
    private static LedgerCell InOneBucket(LedgerCell cell, int buckets)
    {
        static int Place(int bucket, int buckets) => bucket < 0 ? -1 : bucket < buckets ? 0 : 1;
        return cell with { EnteredIn = Place(cell.EnteredIn, buckets), LeftIn = cell.LeftIn is { } left ? Place(left, buckets) : null };
    }

    /// <summary>The clocks of the range, of leads that pass the source and campaign filters (clocks have no owner at entry to filter by).</summary>
    private static async Task<List<ClockRow>> ClocksAsync(L2RDbContext db, MetricsScope scope, CancellationToken ct)
    {
        var clocks = db.SlaClocks.AsNoTracking().Where(c => c.StartedAt >= scope.From && c.StartedAt < scope.To);
        if (scope.Source is not null || scope.Campaign is not null)
        {
            var leads = db.Leads.Where(l => (scope.Source == null || l.Source == scope.Source) && (scope.Campaign == null || l.Campaign == scope.Campaign)).Select(l => l.Id);
            clocks = clocks.Where(c => leads.Contains(c.LeadId));
        }

        return await clocks.Select(c => new ClockRow(c.Term, c.Status, c.StartedAt, c.StoppedAt, c.BreachedAt)).ToListAsync(ct);
    }

    /// <summary>
    /// Decided clocks as the SLA section counts them (met, or breached and still open), and the response times of the
    /// met clocks that started on entering MQL, each on its own term's basis.
    /// </summary>
    private static SlaSample Sample(IEnumerable<ClockRow> clocks, BusinessCalendar calendar)
    {
        var list = clocks.ToList();
        var met = list.Where(c => c.Status == SlaClockStatus.Met && c.StoppedAt is not null).ToList();
        var metOnTime = met.Count(c => c.BreachedAt is null);
        var openBreached = list.Count(c => c.Status is SlaClockStatus.Running or SlaClockStatus.Paused && c.BreachedAt is not null);
        var responses = met
            .Where(c => c.Term.StartStage == LeadState.MQL)
            .Select(c => c.Term.Basis == SlaTimeBasis.BusinessHours
                ? calendar.BusinessTimeBetween(c.StartedAt, c.StoppedAt!.Value).TotalHours
                : (c.StoppedAt!.Value - c.StartedAt).TotalHours)
            .ToList();
        return new SlaSample(metOnTime, met.Count - metOnTime + openBreached, responses);
    }
}
