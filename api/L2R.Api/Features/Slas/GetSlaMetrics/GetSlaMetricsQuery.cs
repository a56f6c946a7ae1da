using FluentValidation;
using L2R.Api.Features.Leads;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Slas;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Slas.GetSlaMetrics;

/// <summary>SLA compliance of the clocks started in [<paramref name="From"/>, <paramref name="To"/>).</summary>
public sealed record GetSlaMetricsQuery(DateTime From, DateTime To) : IQuery<SlaMetricsDto>;

/// <summary>
/// How a set of clocks went. <see cref="MetOnTimePercent"/> is of the clocks already decided (met, or breached and
/// still open); clocks still on time and clocks that ended unowed (the lead left another way) count in neither part.
/// The hours to meet run from start to the decision or touch that met the clock, in clock time.
/// </summary>
public sealed record SlaTallyDto(int Clocks, int MetOnTime, int MetLate, int Breached, int Open, int Ended, double? MetOnTimePercent, double? MedianHoursToMeet, double? P90HoursToMeet);

public sealed record SlaTallyByDto(string Key, string Label, SlaTallyDto Tally);

public sealed record SlaCompliance(string TermId, string TermName, int MetOnTime, int Decided);

public sealed record SlaMetricsDto(DateTime From, DateTime To, SlaTallyDto Total, IReadOnlyList<SlaTallyByDto> ByTerm, IReadOnlyList<SlaTallyByDto> ByOwner, IReadOnlyList<SlaTallyByDto> BySource);

public sealed class GetSlaMetricsValidator : AbstractValidator<GetSlaMetricsQuery>
{
    public GetSlaMetricsValidator()
    {
        RuleFor(q => q.To).GreaterThan(q => q.From).WithMessage("'to' must be after 'from'.");
        RuleFor(q => q.To).Must((q, to) => to - q.From <= TimeSpan.FromDays(366)).WithMessage("Ask for at most a year at a time.");
    }
}

/// <summary>One query for the period's clocks with their lead's owner and source; the tallies are made in memory.</summary>
public sealed class GetSlaMetricsHandler(L2RDbContext db) : IQueryHandler<GetSlaMetricsQuery, SlaMetricsDto>
{
    private sealed record Row(string TermId, string TermName, SlaClockStatus Status, DateTime StartedAt, DateTime? StoppedAt, DateTime? BreachedAt, Guid? OwnerId, string? Source);

    public async ValueTask<SlaMetricsDto> Handle(GetSlaMetricsQuery query, CancellationToken ct)
    {
        var (from, to) = (query.From.ToUniversalTime(), query.To.ToUniversalTime());
        var rows = await RowsAsync(db, from, to, ct);
        var owners = await db.UserNamesAsync(rows.Select(r => r.OwnerId), ct);
        return new SlaMetricsDto(
            from,
            to,
            Tally(rows),
            By(rows, r => r.TermId, r => r.TermName),
            By(rows, r => r.OwnerId?.ToString() ?? "none", r => r.OwnerId is { } id ? owners.GetValueOrDefault(id, "former user") : "no owner"),
            By(rows, r => r.Source ?? "none", r => r.Source ?? "no source"));
    }

    /// <summary>
    /// Clocks met on time of those decided, started in [from, to), per term (key "" for all terms together), counted as
    /// this report counts <see cref="SlaTallyDto.MetOnTimePercent"/>: what a review's brief compares.
    /// </summary>
    public static async Task<IReadOnlyList<SlaCompliance>> ComplianceAsync(L2RDbContext db, DateTime from, DateTime to, CancellationToken ct)
    {
        var rows = await RowsAsync(db, from, to, ct);
        return rows.GroupBy(r => (r.TermId, r.TermName))
            .Select(g => new SlaCompliance(g.Key.TermId, g.Key.TermName, g.Count(r => r.Status == SlaClockStatus.Met && r.BreachedAt is null), Decided(g.ToList())))
            .Prepend(new SlaCompliance("", "All terms", rows.Count(r => r.Status == SlaClockStatus.Met && r.BreachedAt is null), Decided(rows)))
            .ToList();
    }

    /// <summary>Clocks already decided: met, or breached and still open.</summary>
    private static int Decided(IReadOnlyList<Row> rows) =>
        rows.Count(r => r.Status == SlaClockStatus.Met) + rows.Count(r => r.Status is SlaClockStatus.Running or SlaClockStatus.Paused && r.BreachedAt is not null);

    private static async Task<List<Row>> RowsAsync(L2RDbContext db, DateTime from, DateTime to, CancellationToken ct)
    {
        var clocks = await db.SlaClocks.AsNoTracking()
            .Where(c => c.StartedAt >= from && c.StartedAt < to)
            .Join(db.Leads, c => c.LeadId, l => l.Id, (c, l) => new { Clock = c, l.OwnerId, l.Source })
            .ToListAsync(ct);
        return clocks.Select(r => new Row(r.Clock.TermId, SlaReads.NameOf(r.Clock.Term), r.Clock.Status, r.Clock.StartedAt, r.Clock.StoppedAt, r.Clock.BreachedAt, r.OwnerId, r.Source)).ToList();
    }

    private static IReadOnlyList<SlaTallyByDto> By(IReadOnlyList<Row> rows, Func<Row, string> key, Func<Row, string> label) =>
        rows.GroupBy(key).Select(g => new SlaTallyByDto(g.Key, label(g.First()), Tally(g.ToList()))).OrderByDescending(g => g.Tally.Breached).ThenBy(g => g.Label).ToList();

    private static SlaTallyDto Tally(IReadOnlyList<Row> rows)
    {
        var met = rows.Where(r => r.Status == SlaClockStatus.Met).ToList();
        var metOnTime = met.Count(r => r.BreachedAt is null);
        var decided = Decided(rows);
        var hours = met.Select(r => (r.StoppedAt!.Value - r.StartedAt).TotalHours).Order().ToList();
        return new SlaTallyDto(
            rows.Count,
            metOnTime,
            met.Count - metOnTime,
            rows.Count(r => r.BreachedAt is not null),
            rows.Count(r => r.Status is SlaClockStatus.Running or SlaClockStatus.Paused),
            rows.Count(r => r.Status == SlaClockStatus.Ended),
            decided == 0 ? null : Math.Round(100.0 * metOnTime / decided, 1),
            Percentile(hours, 0.5),
            Percentile(hours, 0.9));
    }

    /// <summary>Nearest-rank percentile, so every figure is one a clock really took.</summary>
    private static double? Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? null : Math.Round(sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)], 2);
}
