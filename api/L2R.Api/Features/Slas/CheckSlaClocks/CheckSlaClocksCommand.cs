using L2R.Api.Features.Leads;
using L2R.Api.Features.Notifications;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Live;
using L2R.Api.Infrastructure.Telemetry;
using L2R.Domain.Slas;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Slas.CheckSlaClocks;

/// <summary>
/// Records, for the current tenant, every warning and breach that has fallen due, and notifies who must hear of it; a
/// breach whose term says so gives the lead to the next member of its team who never had it. First, leads waiting in
/// a team's queue are given to members with capacity again.
/// </summary>
public sealed record CheckSlaClocksCommand : ICommand<SlaCheckResult>;

public sealed record SlaCheckResult(int Warned, int Breached);

/// <summary>
/// Each clock in its own short transaction, guarded by the clock's version: a person meeting the clock meanwhile, or
/// another check, wins, and this one leaves the clock alone. With the scheduler running one check at a time across
/// the cluster, each warning and breach is recorded and notified once; the unique index on notifications is the last word.
/// </summary>
public sealed class CheckSlaClocksHandler(L2RDbContext db, SlaNotifier notifier, LeadMoves moves, L2RMetrics metrics, LiveBoardChanges live, TimeProvider clock) : ICommandHandler<CheckSlaClocksCommand, SlaCheckResult>
{
    /// <summary>Waiting leads assigned per check: a backlog drains over a few checks rather than in one long transaction.</summary>
    public const int WaitingPerCheck = 500;

    public async ValueTask<SlaCheckResult> Handle(CheckSlaClocksCommand command, CancellationToken ct)
    {
        live.ActAs(SystemActors.SlaCheck);
        await moves.AssignWaitingAsync(WaitingPerCheck, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.SlaClocks.AsNoTracking()
            .Where(c => c.Status == SlaClockStatus.Running
                && ((c.WarnedAt == null && c.WarnAt <= now) || (c.BreachedAt == null && c.DueAt <= now)))
            .Select(c => c.Id)
            .ToListAsync(ct);

        var (warned, breached) = (0, 0);
        foreach (var id in due)
        {
            try
            {
                var (warning, breach) = await db.InTransactionAsync(() => RecordAsync(id, now, ct), ct);
                warned += warning ? 1 : 0;
                breached += breach ? 1 : 0;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Met or checked meanwhile: that write decided, and this clock is no longer this check's.
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        metrics.SlaRecorded(warned, breached);
        return new SlaCheckResult(warned, breached);
    }

    private async Task<(bool Warned, bool Breached)> RecordAsync(Guid clockId, DateTime now, CancellationToken ct)
    {
        var slaClock = await db.SlaClocks.SingleAsync(c => c.Id == clockId, ct);
        // Tracked: a breach may reassign it, and the warning's and breach's events take the lead's next event numbers.
        var lead = await db.Leads.SingleAsync(l => l.Id == slaClock.LeadId, ct);
        var warned = slaClock.Warn(now);
        var breached = slaClock.Breach(now);
        if (warned)
        {
            await notifier.AddAsync(slaClock, lead, NotificationKind.SlaWarning, now, ct);
        }

        if (breached)
        {
            await notifier.AddAsync(slaClock, lead, NotificationKind.SlaBreach, now, ct);
            if (slaClock.Term.OnBreach.Reassign)
            {
                await moves.ReassignAfterBreachAsync(lead, ct);
            }
        }

        await db.SaveChangesAsync(ct);
        return (warned, breached);
    }
}
