using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Agreements;
using L2R.Domain.Leads;
using L2R.Domain.Metrics;
using L2R.Domain.Slas;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace L2R.Api.Infrastructure.Outbox;

/// <summary>
/// The one event writer. <see cref="L2RDbContext"/> calls it on every save, so the events go into the same transaction
/// as the change, whichever path made it (HTTP, auto-advance, the sweep, activation, import): lead events originate in
/// the history the mover records (creation and every move), in the field changes and owner of the leads saved and
/// in the warnings and breaches the SLA check records and the merges, in the order creation → field changes →
/// assignment → moves by step → SLA and merge, each numbered in the lead's own sequence; an import's completion, a
/// drift alarm and a review's brief are tenant events without a lead.
/// </summary>
internal static class OutboxWriter
{
    private const string LeadSequenceIndex = "IX_OutboxEvents_TenantId_LeadId_LeadSequence";

    public static void AddEvents(L2RDbContext db)
    {
        var history = db.ChangeTracker.Entries<LeadTransition>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToLookup(t => t.LeadId);
        var changes = db.ChangeTracker.Entries<LeadChange>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToLookup(c => c.LeadId);
        var extraEvents = db.ChangeTracker.Entries<SlaClock>().Where(e => e.State == EntityState.Modified).SelectMany(SlaEvents)
            .Concat(db.ChangeTracker.Entries<MergedLead>().Where(e => e.State == EntityState.Added).Select(e => MergedEvent(e.Entity)))
            .ToLookup(e => e.LeadId, e => e.Event);
        var leads = db.ChangeTracker.Entries<Lead>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified || extraEvents.Contains(e.Entity.Id))
            .ToDictionary(e => e.Entity.Id);
        foreach (var leadId in history.Select(g => g.Key).Union(changes.Select(g => g.Key)).Except(leads.Keys))
        {
            throw new InvalidOperationException($"History of lead {leadId} is saved without the lead: its events could not be numbered.");
        }

        // A new lead with a sequence already had its events written with it by the bulk path (ForNewLeads).
        foreach (var (leadId, entry) in leads.Where(l => !(l.Value.State == EntityState.Added && l.Value.Entity.EventSequence > 0)))
        {
            var owner = entry.Property(l => l.OwnerId);
            var reassigned = entry.State == EntityState.Modified && owner.OriginalValue != owner.CurrentValue ? (owner.OriginalValue, owner.CurrentValue) : ((Guid?, Guid?)?)null;
            var events = LeadEvents(entry.Entity, reassigned, history[leadId].OrderBy(t => t.Step).ToList(), changes[leadId].ToList()).Concat(extraEvents[leadId].OrderBy(e => e.At));
            db.OutboxEvents.AddRange(Numbered(entry.Entity, events));

            // The context saves without detecting changes again (L2RDbContext.PrepareToSave): say the sequence moved.
            if (entry.State != EntityState.Added)
            {
                entry.Property(l => l.EventSequence).IsModified = true;
            }
        }

        foreach (var run in db.ChangeTracker.Entries<ImportRun>().Where(Completed).Select(e => e.Entity).ToList())
        {
            db.OutboxEvents.Add(new OutboxEvent
            {
                Type = EventTypes.ImportCompleted,
                OccurredAt = run.CompletedAt.GetValueOrDefault(),
                Data = EventJson.Serialize(new ImportCompletedData(
                    run.Id, run.Kind.ToString(), run.FileName, run.RowsDone, run.Counts.Created, run.Counts.Updated, run.Counts.Skipped, run.Counts.Failed)),
            });
        }

        foreach (var alert in db.ChangeTracker.Entries<DriftAlert>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList())
        {
            db.OutboxEvents.Add(new OutboxEvent
            {
                Type = EventTypes.DriftDetected,
                OccurredAt = alert.StartedAt,
                Data = EventJson.Serialize(new DriftDetectedData(
                    alert.Id, alert.AgreementVersion, alert.Measure.ToString(), alert.Threshold, alert.Value, alert.Accepted, alert.Rejected, alert.StartedAt)),
            });
        }

        foreach (var brief in db.ChangeTracker.Entries<ReviewBrief>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList())
        {
            var review = db.ChangeTracker.Entries<Review>().Select(e => e.Entity).FirstOrDefault(r => r.Id == brief.ReviewId)
                ?? throw new InvalidOperationException($"Brief {brief.Id} is saved without its review tracked: its event could not say which meeting it is for.");
            db.OutboxEvents.Add(new OutboxEvent
            {
                Type = EventTypes.ReviewBriefReady,
                OccurredAt = brief.GeneratedAt,
                Data = EventJson.Serialize(new ReviewBriefReadyData(review.Id, review.LocalDate, review.StartsAt, brief.Version, brief.GeneratedBy is null, brief.GeneratedAt)),
            });
        }

        foreach (var version in db.ChangeTracker.Entries<AgreementVersion>().Where(BecameActive).Select(e => e.Entity).ToList())
        {
            db.OutboxEvents.Add(new OutboxEvent
            {
                Type = EventTypes.AgreementActivated,
                OccurredAt = version.ActivatedAt.GetValueOrDefault(),
                Data = EventJson.Serialize(new AgreementActivatedData(version.Id, version.Version)),
            });
        }
    }

    /// <summary>
    /// The events of leads a bulk insert writes past the change tracker (an import's new leads), with their history:
    /// the same events, in the same order, as a save would write for them.
    /// </summary>
    public static List<OutboxEvent> ForNewLeads(IReadOnlyList<Lead> leads, IReadOnlyList<LeadTransition> history)
    {
        var byLead = history.ToLookup(t => t.LeadId);
        return leads.SelectMany(lead => Numbered(lead, LeadEvents(lead, null, byLead[lead.Id].OrderBy(t => t.Step).ToList(), []))).ToList();
    }

    /// <summary>
    /// The events of leads a bulk delete removes past the change tracker (an undone import's leads), each the last of
    /// its lead's sequence.
    /// </summary>
    public static List<OutboxEvent> ForDeletedLeads(IEnumerable<(Guid Id, int EventSequence)> leads, string reason, Guid? importRunId, DateTime at) =>
        leads.Select(l => new OutboxEvent
        {
            Type = EventTypes.LeadDeleted,
            LeadId = l.Id,
            LeadSequence = l.EventSequence + 1,
            OccurredAt = at,
            Data = EventJson.Serialize(new LeadDeletedData(l.Id, reason, importRunId)),
        }).ToList();

    /// <summary>Whether the events a save is about to write include events of leads already stored, numbered from the sequence read with them.</summary>
    public static bool NumbersStoredLeads(L2RDbContext db)
    {
        var numbered = db.ChangeTracker.Entries<OutboxEvent>().Where(e => e.State == EntityState.Added && e.Entity.LeadId is not null).Select(e => e.Entity.LeadId!.Value).ToHashSet();
        return numbered.Count > 0 && db.ChangeTracker.Entries<Lead>().Any(e => e.State != EntityState.Added && numbered.Contains(e.Entity.Id));
    }

    /// <summary>Whether a save failed because a number it gave one lead's event was taken by another unit of work's.</summary>
    public static bool IsEventNumberTaken(DbUpdateException exception) =>
        ProblemDetailsExceptionHandler.IsUniqueViolation(exception) && exception.InnerException switch
        {
            Npgsql.PostgresException postgres => postgres.ConstraintName == LeadSequenceIndex,
            _ => exception.InnerException?.Message.Contains(LeadSequenceIndex, StringComparison.Ordinal) == true
                || exception.InnerException?.Message.Contains("OutboxEvents.LeadSequence", StringComparison.Ordinal) == true,
        };

    /// <summary>
    /// Numbers this save's events again after each lead's committed sequence, when what took the numbers left the
    /// leads' versions as this save read them: work that does not change what a person sees (an SLA warning) moves a
    /// lead's sequence without its version, and a person's save that read the lead before it committed must not fail
    /// for that. Answers false, numbering nothing, when a lead's version moved too: that is a real conflict.
    /// </summary>
    public static async Task<bool> TryRenumberAfterCommittedAsync(L2RDbContext db, CancellationToken ct)
    {
        var pending = db.ChangeTracker.Entries<OutboxEvent>()
            .Where(e => e.State == EntityState.Added && e.Entity.LeadId is not null)
            .GroupBy(e => e.Entity.LeadId!.Value)
            .ToList();
        var leadIds = pending.Select(g => g.Key).ToList();
        var committed = await db.Leads.Where(l => leadIds.Contains(l.Id)).Select(l => new { l.Id, l.EventSequence, l.Version }).ToDictionaryAsync(l => l.Id, ct);
        var tracked = db.ChangeTracker.Entries<Lead>().Where(e => committed.ContainsKey(e.Entity.Id)).ToDictionary(e => e.Entity.Id);
        if (tracked.Values.Any(lead => lead.Property(l => l.Version).OriginalValue != committed[lead.Entity.Id].Version))
        {
            return false;
        }

        foreach (var events in pending.Where(g => committed.ContainsKey(g.Key)))
        {
            var sequence = committed[events.Key].EventSequence;
            foreach (var entry in events.OrderBy(e => e.Entity.LeadSequence))
            {
                entry.Property(e => e.LeadSequence).CurrentValue = ++sequence;
            }

            if (tracked.TryGetValue(events.Key, out var lead))
            {
                lead.Property(l => l.EventSequence).CurrentValue = sequence;
                lead.Property(l => l.EventSequence).IsModified = true;
            }
        }

        return true;
    }

    private static IEnumerable<OutboxEvent> Numbered(Lead lead, IEnumerable<(string Type, DateTime At, string Data)> events) =>
        events.Select(e => new OutboxEvent { Type = e.Type, LeadId = lead.Id, LeadSequence = ++lead.EventSequence, OccurredAt = e.At, Data = e.Data }).ToList();

    private static IEnumerable<(string Type, DateTime At, string Data)> LeadEvents(Lead lead, (Guid? From, Guid? To)? reassigned, List<LeadTransition> history, List<LeadChange> changes)
    {
        foreach (var created in history.Where(t => t.Kind == HistoryEntryKind.Created))
        {
            yield return (EventTypes.LeadCreated, created.OccurredAt, EventJson.Serialize(new LeadCreatedData(LeadSnapshot.Of(lead) with { State = created.To }, ActorOf(created))));
        }

        if (changes.Count > 0)
        {
            var first = changes[0];
            var data = new LeadUpdatedData(lead.Id, changes.Select(c => new FieldChangeData(c.Field, c.OldValue, c.NewValue)).ToList(), new EventActor(
                first.ChangedBy is not null ? ActorKind.User : first.ChangedByClientId is not null ? ActorKind.Integration : ActorKind.System,
                first.ChangedBy,
                first.ChangedByClientId));
            yield return (EventTypes.LeadUpdated, first.ChangedAt, EventJson.Serialize(data));
        }

        if (reassigned is { } owner)
        {
            yield return (EventTypes.LeadAssigned, lead.UpdatedAt, EventJson.Serialize(new LeadAssignedData(lead.Id, owner.From, owner.To)));
        }

        foreach (var move in history.Where(t => t.Kind == HistoryEntryKind.Moved))
        {
            yield return (EventTypes.LeadStageChanged, move.OccurredAt, EventJson.Serialize(new LeadStageChangedData(
                lead.Id, move.From, move.To, move.Trigger, ActorOf(move), move.AgreementVersion, move.Criteria, move.ReasonCode, move.ReasonLabel, move.Note)));
        }
    }

    /// <summary>A clock's warning and breach, each once: when the check records it, never again on later saves of the clock.</summary>
    private static IEnumerable<(Guid LeadId, (string Type, DateTime At, string Data) Event)> SlaEvents(EntityEntry<SlaClock> entry)
    {
        var clock = entry.Entity;
        if (entry.Property(c => c.WarnedAt).OriginalValue is null && clock.WarnedAt is { } warnedAt)
        {
            yield return (clock.LeadId, (EventTypes.SlaWarning, warnedAt, EventJson.Serialize(LeadSlaData.Of(clock, warnedAt))));
        }

        if (entry.Property(c => c.BreachedAt).OriginalValue is null && clock.BreachedAt is { } breachedAt)
        {
            yield return (clock.LeadId, (EventTypes.SlaBreached, breachedAt, EventJson.Serialize(LeadSlaData.Of(clock, breachedAt))));
        }
    }

    private static (Guid LeadId, (string Type, DateTime At, string Data) Event) MergedEvent(MergedLead merged) =>
        (merged.SurvivorId, (EventTypes.LeadMerged, merged.MergedAt, EventJson.Serialize(new LeadMergedData(merged.SurvivorId, merged.Id, merged.MergedBy))));

    /// <summary>A real run that has just finished: its status became Completed in this save.</summary>
    private static bool Completed(EntityEntry<ImportRun> entry) =>
        entry.State == EntityState.Modified && !entry.Entity.DryRun && entry.Entity.Status == ImportStatus.Completed
        && entry.Property(r => r.Status).OriginalValue != ImportStatus.Completed;

    private static EventActor ActorOf(LeadTransition t) => new(t.ActorKind, t.ActorUserId, t.ActorClientId);

    private static bool BecameActive(EntityEntry<AgreementVersion> entry) =>
        entry.State == EntityState.Modified
        && entry.Property(v => v.Status) is { } status
        && status.CurrentValue == AgreementStatus.Active
        && status.OriginalValue != AgreementStatus.Active;
}
