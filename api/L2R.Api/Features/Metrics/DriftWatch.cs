using System.ComponentModel;
using L2R.Api.Features.Agreements;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Agreements;
using L2R.Domain.Leads;
using L2R.Domain.Metrics;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Metrics;

[Description("A drift alarm read against sales's MQL decisions (accept or reject) of its rolling window under the live version.")]
[WrittenInFull]
public sealed record DriftReadingDto(
    [property: Description("MqlAcceptanceRate: accepted ÷ (accepted + rejected), alarmed below the floor. RejectRate: rejected ÷ (accepted + rejected), alarmed above the ceiling.")]
    DriftMeasure Measure,
    double Threshold,
    [property: Description("Null with no decision in the window.")]
    double? Value,
    int Accepted,
    int Rejected,
    int MinimumSample,
    [property: Description("At least the minimum sample of decisions: only then can the alarm cross.")]
    bool Sufficient,
    bool Crossed,
    [property: Description("Start of the rolling window; it ends now.")]
    DateTime WindowFrom,
    DateTime WindowTo)
{
    public static DriftReadingDto From(DriftReading r, DriftWindow window) =>
        new(r.Measure, r.Threshold, r.Value, r.Accepted, r.Rejected, r.MinimumSample, r.Sufficient, r.Crossed, window.From, window.To);
}

public sealed record DriftWindow(DateTime From, DateTime To, int Accepted, int Rejected);

/// <summary>
/// Reads the live version's drift alarms and records each crossing once per episode (a <see cref="DriftAlert"/> row,
/// which the webhook issue's outbox will publish). Checked after each Accept or Reject until scheduled work that runs
/// once across instances exists; two checks racing over one crossing meet the unique episode index, and the loser
/// leaves the alert to the winner.
/// </summary>
public sealed class DriftWatch(L2RDbContext db, AgreementStore agreements, TimeProvider clock, ILogger<DriftWatch> logger)
{
    /// <summary>The accepted and rejected MQLs of the last <see cref="DriftAlarms.WindowDays"/> days judged under <paramref name="version"/>.</summary>
    public async Task<DriftWindow> WindowAsync(DriftAlarms alarms, int version, CancellationToken ct)
    {
        var to = clock.GetUtcNow().UtcDateTime;
        var from = to.AddDays(-alarms.WindowDays);
        var decisions = await db.LeadTransitions.AsNoTracking()
            .Where(t => (t.Trigger == LeadTrigger.Accept || t.Trigger == LeadTrigger.Reject) && t.AgreementVersion == version && t.OccurredAt >= from && t.OccurredAt <= to)
            .GroupBy(t => t.Trigger)
            .Select(g => new { Trigger = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        int Count(LeadTrigger trigger) => decisions.Where(d => d.Trigger == trigger).Sum(d => d.Count);
        return new DriftWindow(from, to, Count(LeadTrigger.Accept), Count(LeadTrigger.Reject));
    }

    public async Task CheckAsync(CancellationToken ct)
    {
        var active = await agreements.GetActiveAsync(ct);
        var window = await WindowAsync(active.Agreement.Drift, active.Version, ct);
        var open = await db.DriftAlerts.Where(a => a.EndedAt == null).ToListAsync(ct);
        var plan = DriftCheck.Plan(DriftCheck.Read(active.Agreement.Drift, window.Accepted, window.Rejected), open, active.Version);
        if (plan.Open.Count == 0 && plan.End.Count == 0)
        {
            return;
        }

        foreach (var ended in plan.End)
        {
            ended.End(window.To);
        }

        foreach (var crossing in plan.Open)
        {
            var episodes = await db.DriftAlerts.CountAsync(a => a.AgreementVersion == active.Version && a.Measure == crossing.Measure, ct);
            db.DriftAlerts.Add(DriftAlert.Open(crossing, active.Version, episodes + 1, window.To));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ProblemDetailsExceptionHandler.IsUniqueViolation(ex))
        {
            logger.LogInformation("Another drift check recorded the same crossing first");
            db.ChangeTracker.Clear();
        }
    }
}
