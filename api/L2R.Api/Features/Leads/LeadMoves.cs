using System.Diagnostics;
using L2R.Api.Features.Agreements;
using L2R.Api.Features.Calendars;
using L2R.Api.Features.Notifications;
using L2R.Api.Features.Routing;
using L2R.Api.Features.Slas;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Telemetry;
using L2R.Api.Infrastructure.Outbox;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Agreements;
using L2R.Domain.Leads;
using L2R.Domain.Routing;
using L2R.Domain.Slas;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Leads;

/// <summary>
/// The database side of <see cref="LeadMover"/>: loads a lead's (or many leads') facts as of now, runs the mover under
/// the active agreement, and adds the history it wrote to the unit of work, with what that history does to the
/// leads' SLA clocks (<see cref="SlaTracker"/>): every path that moves a lead comes through here, so every clock
/// starts, pauses and stops with the move that caused it. When the agreement routes leads, the team state is loaded
/// once per mover (one command, or one page of a batch) and the assignments the mover made are added with the history.
/// The caller saves, inside its transaction.
/// </summary>
public sealed class LeadMoves(
    L2RDbContext db, AgreementStore agreements, CalendarStore calendars, RoutingStates routingStates, RoutingNotifier routingNotifier, L2RMetrics metrics, TimeProvider clock)
{
    private RoutingState? _routing;

    /// <summary>Read per command, not per scope: one scope may run several commands while the demo's clock travels.</summary>
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// The mover under the active agreement; with the team state when the agreement routes leads, or when
    /// <paramref name="decides"/> (an accept or reject of an owned MQL needs the team lead and the owner's name).
    /// </summary>
    public async Task<LeadMover> MoverAsync(CancellationToken ct, bool decides = false)
    {
        var active = await agreements.GetActiveAsync(ct);
        var routing = active.Agreement.Routing;
        _routing = routing.IsOff && !decides ? null : await routingStates.LoadAsync(routing.AssignOnEntry, Now, ct);
        return new LeadMover(active.Agreement, active.Version, _routing);
    }

    /// <summary>
    /// Adds the assignments the last mover made, and tells the team lead at once of each that cannot meet its SLA. When
    /// the leads went in past the change tracker (<paramref name="insertedLeads"/>, an import's), so do the assignments.
    /// </summary>
    private async Task RecordAssignmentsAsync(CancellationToken ct, IReadOnlyList<Lead>? insertedLeads = null)
    {
        if (_routing?.TakeAssignments() is not { Count: > 0 } made)
        {
            return;
        }

        if (insertedLeads is null)
        {
            db.LeadAssignments.AddRange(made);
        }
        else
        {
            await db.InsertManyAsync(made, ct);
        }

        await routingNotifier.AddAsync(made, _routing, ct, insertedLeads);
    }

    /// <summary>Records a new lead's creation as its entry into its first stage, then advances it; adds the lead too.</summary>
    public async Task<IReadOnlyList<LeadTransition>> CreateAsync(Lead lead, Actor actor, CancellationToken ct)
    {
        var now = Now;
        lead.CreatedAt = lead.UpdatedAt = now;
        var history = (await MoverAsync(ct)).Create(new LeadFacts(lead, [], now), actor);
        db.Leads.Add(lead);
        db.LeadTransitions.AddRange(history);
        await RecordAssignmentsAsync(ct);
        await TrackSlasAsync([lead], history, ct, created: new HashSet<Guid> { lead.Id });
        return history;
    }

    /// <summary>Fires a person's move; a refusal becomes the ProblemDetails its kind maps to, and nothing is written.</summary>
    public async Task<IReadOnlyList<LeadTransition>> FireAsync(Lead lead, Actor actor, MoveRequest request, CancellationToken ct)
    {
        var mover = await MoverAsync(ct, Decides(request));
        var facts = await FactsAsync(lead, ct);
        var started = Stopwatch.GetTimestamp();
        var outcome = mover.Fire(facts, actor, request);
        metrics.Judged(Stopwatch.GetElapsedTime(started));
        if (outcome.Refusal is { } refusal)
        {
            metrics.NotMoved(request.Trigger, OutcomeOf(refusal));
            throw ToException(refusal, lead);
        }

        db.LeadTransitions.AddRange(outcome.Transitions);
        await RecordAssignmentsAsync(ct);
        await TrackSlasAsync([lead], outcome.Transitions, ct);
        return outcome.Transitions;
    }

    /// <summary>
    /// The batch form of <see cref="FireAsync"/> for leads the context tracks: one query for their activities, the mover's
    /// <see cref="LeadMover.FireMany"/>, the history of the moved ones added. A refused lead is left unwritten (the mover
    /// scored it as of now, but a refusal changes nothing), and its refusal is <see cref="ToException"/>'s to explain.
    /// </summary>
    public async Task<IReadOnlyList<MoveOutcome>> FireManyAsync(IReadOnlyList<Lead> leads, Actor actor, MoveRequest request, CancellationToken ct)
    {
        var outcomes = (await MoverAsync(ct, Decides(request))).FireMany(await FactsAsync(leads, ct), actor, request);
        foreach (var outcome in outcomes)
        {
            if (outcome.Moved)
            {
                db.LeadTransitions.AddRange(outcome.Transitions);
            }
            else
            {
                metrics.NotMoved(request.Trigger, OutcomeOf(outcome.Refusal!));
                db.Entry(outcome.Lead).State = EntityState.Unchanged;
            }
        }

        await RecordAssignmentsAsync(ct);

        await TrackSlasAsync(leads, outcomes.SelectMany(o => o.Transitions).ToList(), ct);
        return outcomes;
    }

    /// <summary>Re-scores a lead after its data or activities changed and makes every automatic move that now holds.</summary>
    public async Task<IReadOnlyList<LeadTransition>> AdvanceAsync(Lead lead, CancellationToken ct)
    {
        var mover = await MoverAsync(ct);
        var facts = await FactsAsync(lead, ct);
        var started = Stopwatch.GetTimestamp();
        var history = mover.Advance(facts);
        metrics.Judged(Stopwatch.GetElapsedTime(started));
        db.LeadTransitions.AddRange(history);
        await RecordAssignmentsAsync(ct);
        await TrackSlasAsync([lead], history, ct);
        return history;
    }

    /// <summary>
    /// Records an activity; a touch a person recorded meets the lead's clocks that wait for it, at the server's time
    /// (<see cref="LeadActivity.RecordedAt"/>, not the time they typed). Then re-scores and advances the lead.
    /// </summary>
    public async Task<IReadOnlyList<LeadTransition>> RecordActivityAsync(Lead lead, LeadActivity activity, CancellationToken ct)
    {
        db.LeadActivities.Add(activity);
        lead.UpdatedAt = activity.RecordedAt;
        if (activity.RecordedBy is not null)
        {
            SlaTracker.Touch(activity.Type, activity.RecordedAt, await OpenClocksAsync([lead.Id], ct), await calendars.GetAsync(ct));
        }

        // The facts the mover judges include the activity, so it is saved first, in the caller's transaction.
        await db.SaveChangesAsync(ct);
        return await AdvanceAsync(lead, ct);
    }

    public async Task<LeadFacts> FactsAsync(Lead lead, CancellationToken ct) => (await FactsAsync([lead], ct))[0];

    /// <summary>The facts of many leads with one query for all their activities.</summary>
    public async Task<IReadOnlyList<LeadFacts>> FactsAsync(IReadOnlyList<Lead> leads, CancellationToken ct)
    {
        var ids = leads.Select(l => l.Id).ToList();
        return await FactsAsync(leads, db.LeadActivities.Where(a => ids.Contains(a.LeadId)), ct);
    }

    /// <summary>
    /// The facts of one keyset page of leads, in the order the database sorted them by id: their activities are read as
    /// one range of the (TenantId, LeadId) index, from the page's first id to its last. Thousands of ids asked one by one
    /// cost more: PostgreSQL answers them by scanning every tenant's activities, once per page.
    /// </summary>
    public async Task<IReadOnlyList<LeadFacts>> FactsOfPageAsync(IReadOnlyList<Lead> page, CancellationToken ct)
    {
        if (page.Count == 0)
        {
            return [];
        }

        var (first, last) = (page[0].Id, page[^1].Id);
        return await FactsAsync(page, db.LeadActivities.Where(a => a.LeadId >= first && a.LeadId <= last), ct);
    }

    /// <summary>
    /// The batch form for leads already tracked by the context (the sweep): one query for their activities, the mover
    /// in memory, the history added in bulk. A lead whose stored score is unchanged, that did not move and was scored
    /// within <paramref name="refreshAfter"/> is left unwritten, so a sweep does not rewrite every lead each time.
    /// </summary>
    public async Task<IReadOnlyList<LeadTransition>> AdvanceManyAsync(IReadOnlyList<Lead> leads, TimeSpan refreshAfter, CancellationToken ct) =>
        await AdvanceAsync(await MoverAsync(ct), await FactsAsync(leads, ct), refreshAfter, ct);

    /// <summary><see cref="AdvanceManyAsync"/> over one keyset page of tracked leads (activation), its activities read as <see cref="FactsOfPageAsync"/> does.</summary>
    public async Task<IReadOnlyList<LeadTransition>> AdvancePageAsync(IReadOnlyList<Lead> page, TimeSpan refreshAfter, CancellationToken ct) =>
        await AdvanceAsync(await MoverAsync(ct), await FactsOfPageAsync(page, ct), refreshAfter, ct);

    private async Task<List<LeadTransition>> AdvanceAsync(LeadMover mover, IReadOnlyList<LeadFacts> leads, TimeSpan refreshAfter, CancellationToken ct)
    {
        var history = new List<LeadTransition>();
        foreach (var facts in leads)
        {
            var lead = facts.Lead;
            var before = (lead.FitScore, lead.EngagementScore, lead.AgreementVersion, lead.ScoredAt);
            var moves = mover.Advance(facts);
            history.AddRange(moves);
            if (moves.Count == 0
                && before == (lead.FitScore, lead.EngagementScore, lead.AgreementVersion, before.ScoredAt)
                && facts.Now - before.ScoredAt < refreshAfter)
            {
                lead.ScoredAt = before.ScoredAt;
            }
        }

        db.LeadTransitions.AddRange(history);
        await RecordAssignmentsAsync(ct);
        await TrackSlasAsync(leads.Select(f => f.Lead).ToList(), history, ct);
        return history;
    }

    /// <summary>Reads the activities as facts, grouped by lead as they stream in.</summary>
    private async Task<IReadOnlyList<LeadFacts>> FactsAsync(IReadOnlyList<Lead> leads, IQueryable<LeadActivity> activities, CancellationToken ct)
    {
        var byLead = new Dictionary<Guid, List<ActivityFact>>();
        var rows = activities.AsNoTracking().Select(a => new { a.LeadId, a.Type, a.OccurredAt, a.Campaign }).AsAsyncEnumerable();
        await foreach (var a in rows.WithCancellation(ct))
        {
            if (!byLead.TryGetValue(a.LeadId, out var facts))
            {
                byLead[a.LeadId] = facts = [];
            }

            facts.Add(new ActivityFact(a.Type, a.OccurredAt, a.Campaign));
        }

        var now = Now;
        return leads.Select(l => new LeadFacts(l, byLead.TryGetValue(l.Id, out var facts) ? facts : [], now)).ToList();
    }

    /// <summary>The clocks of these leads still running or paused, tracked, with their pauses.</summary>
    private Task<List<SlaClock>> OpenClocksAsync(IReadOnlyList<Guid> leadIds, CancellationToken ct) =>
        db.OpenClocks().Where(c => leadIds.Contains(c.LeadId)).ToListAsync(ct);

    /// <summary>
    /// An import batch's write: its new leads, their history and their events go in by the bulk insert (binary COPY on
    /// PostgreSQL), past the change tracker; the history of the existing leads it updated, which the context tracks, is
    /// added for the save to write with their events, as on every other path. Both record the assignments routing made
    /// as they entered its stage, and start their SLA clocks; the new assignments and clocks go in by the bulk insert too.
    /// </summary>
    public async Task WriteImportedAsync(IReadOnlyList<Lead> created, IReadOnlyList<Lead> updated, IReadOnlyList<LeadTransition> history, CancellationToken ct)
    {
        var createdIds = created.Select(l => l.Id).ToHashSet();
        var createdHistory = history.Where(t => createdIds.Contains(t.LeadId)).ToList();
        db.LeadTransitions.AddRange(history.Where(t => !createdIds.Contains(t.LeadId)));
        var events = OutboxWriter.ForNewLeads(created, createdHistory);
        await db.InsertManyAsync(created, ct);
        await db.InsertManyAsync(createdHistory, ct);
        await db.InsertManyAsync(events, ct);
        await RecordAssignmentsAsync(ct, created);
        await TrackSlasAsync([.. created, .. updated], history, ct, createdIds, bulk: true);
    }

    /// <summary>
    /// Applies each history entry, in order, to its lead's clocks under the active agreement's terms. The clocks it starts
    /// are added to the unit of work, or with <paramref name="bulk"/> inserted at once (but for one paused within the
    /// same history: its pause is a row the save writes with it). Leads in <paramref name="created"/> are new and have
    /// no clocks to read.
    /// </summary>
    private async Task TrackSlasAsync(
        IReadOnlyList<Lead> leads, IReadOnlyList<LeadTransition> history, CancellationToken ct, IReadOnlySet<Guid>? created = null, bool bulk = false)
    {
        if (history.Count == 0)
        {
            return;
        }

        var terms = (await agreements.GetActiveAsync(ct)).Agreement.Slas.Effective();
        var calendar = await calendars.GetAsync(ct);
        var stored = history.Select(h => h.LeadId).Distinct().Where(id => created?.Contains(id) != true).ToList();
        var open = stored.Count == 0 ? new Dictionary<Guid, List<SlaClock>>() : (await OpenClocksAsync(stored, ct)).GroupBy(c => c.LeadId).ToDictionary(g => g.Key, g => g.ToList());
        var byId = leads.ToDictionary(l => l.Id);
        var startedAll = new List<SlaClock>();
        foreach (var entry in history)
        {
            var clocks = open.TryGetValue(entry.LeadId, out var found) ? found : open[entry.LeadId] = [];
            var started = SlaTracker.Apply(entry, byId[entry.LeadId], clocks, terms, calendar);
            clocks.AddRange(started);
            startedAll.AddRange(started);
        }

        if (bulk)
        {
            await db.InsertManyAsync(startedAll.Where(c => c.Pauses.Count == 0).ToList(), ct);
            db.SlaClocks.AddRange(startedAll.Where(c => c.Pauses.Count > 0));
        }
        else
        {
            db.SlaClocks.AddRange(startedAll);
        }
    }

    /// <summary>
    /// The background unit of work (the sweep, activation): open leads among <paramref name="ids"/> advanced in one
    /// short transaction. When a person's write to one of them wins meanwhile, the batch is taken again one lead at a
    /// time, so the conflict costs that one lead, which the person's own command has just re-scored, not the batch.
    /// </summary>
    public async Task<BatchOutcome> AdvanceBatchAsync(IReadOnlyList<Guid> ids, TimeSpan refreshAfter, CancellationToken ct)
    {
        try
        {
            return await AdvanceInTransactionAsync(ids, refreshAfter, ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
        }

        var outcome = BatchOutcome.None;
        foreach (var id in ids)
        {
            try
            {
                outcome += await AdvanceInTransactionAsync([id], refreshAfter, ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                outcome += BatchOutcome.None with { Skipped = 1 };
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        return outcome;
    }

    private async Task<BatchOutcome> AdvanceInTransactionAsync(IReadOnlyList<Guid> ids, TimeSpan refreshAfter, CancellationToken ct)
    {
        var outcome = await db.InTransactionAsync(async () =>
        {
            var leads = await db.Leads.Where(l => ids.Contains(l.Id)).Open().OrderBy(l => l.Id).ToListAsync(ct);
            var history = await AdvancePageAsync(leads, refreshAfter, ct);
            await db.SaveChangesAsync(ct);
            return new BatchOutcome(leads.Count, history.Count, history.Select(t => t.LeadId).Distinct().Count(), 0);
        }, ct);
        db.ChangeTracker.Clear();
        return outcome;
    }

    private static bool Decides(MoveRequest request) => request.Trigger is LeadTrigger.Accept or LeadTrigger.Reject;

    /// <summary>
    /// Gives leads waiting in their teams' queues to members who have capacity again, oldest first, up to
    /// <paramref name="take"/> in one short transaction, with the team state loaded once. A person's write to one of
    /// them meanwhile wins: the next check tries again.
    /// </summary>
    public async Task<int> AssignWaitingAsync(int take, CancellationToken ct)
    {
        var routing = (await agreements.GetActiveAsync(ct)).Agreement.Routing;
        if (routing.IsOff)
        {
            return 0;
        }

        try
        {
            return await db.InTransactionAsync(async () =>
            {
                var waiting = await db.Leads
                    .Where(l => l.QueuedAt != null && l.OwnerId == null && l.State == routing.AssignOnEntry)
                    .OrderBy(l => l.QueuedAt).ThenBy(l => l.Id)
                    .Take(take)
                    .ToListAsync(ct);
                if (waiting.Count == 0)
                {
                    return 0;
                }

                var mover = await MoverAsync(ct);
                var assigned = (await FactsAsync(waiting, ct)).Count(facts => mover.AssignWaiting(facts) is not null);
                await RecordAssignmentsAsync(ct);
                await db.SaveChangesAsync(ct);
                return assigned;
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return 0;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>After a missed SLA: the tracked lead goes to the next member of its team who never had it (none: it stays).</summary>
    public async Task<LeadAssignment?> ReassignAfterBreachAsync(Lead lead, CancellationToken ct)
    {
        var hadIt = (await db.LeadAssignments.AsNoTracking()
                .Where(a => a.LeadId == lead.Id && a.UserId != null)
                .Select(a => a.UserId!.Value)
                .ToListAsync(ct))
            .Concat(lead.OwnerId is { } owner ? [owner] : [])
            .ToHashSet();
        var reassigned = (await MoverAsync(ct)).Reassign(await FactsAsync(lead, ct), hadIt);
        await RecordAssignmentsAsync(ct);
        return reassigned;
    }

    /// <summary>How a refusal is counted: as the status it answers (see <see cref="ToException"/>).</summary>
    private static string OutcomeOf(MoveRefusal refusal) => refusal.Kind switch
    {
        MoveRefusalKind.RoleMayNot => "forbidden",
        MoveRefusalKind.NotAMoveFromState or MoveRefusalKind.StaleVersion => "conflict",
        MoveRefusalKind.ReasonMissing or MoveRefusalKind.ReasonUnknown => "invalid",
        _ => "refused",
    };

    public static AppException ToException(MoveRefusal refusal, Lead lead) => refusal.Kind switch
    {
        MoveRefusalKind.RoleMayNot => new ForbiddenException(refusal.Message),
        MoveRefusalKind.NotAMoveFromState => new ConflictException(refusal.Message, new Dictionary<string, object?> { ["state"] = lead.State.ToString() }),
        MoveRefusalKind.StaleVersion => new PreconditionFailedException(refusal.Message),
        MoveRefusalKind.ReasonMissing or MoveRefusalKind.ReasonUnknown => RequestValidationException.For("reasonCode", refusal.Message),
        _ => new GuardUnmetException(refusal.Message, refusal.Unmet),
    };
}

/// <summary>What a batch did: leads advanced, moves made, leads that moved, and leads left to a person's concurrent write.</summary>
public sealed record BatchOutcome(int Advanced, int Moves, int MovedLeads, int Skipped)
{
    public static readonly BatchOutcome None = new(0, 0, 0, 0);

    public static BatchOutcome operator +(BatchOutcome a, BatchOutcome b) =>
        new(a.Advanced + b.Advanced, a.Moves + b.Moves, a.MovedLeads + b.MovedLeads, a.Skipped + b.Skipped);
}
