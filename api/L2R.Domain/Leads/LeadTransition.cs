using L2R.Domain.Agreements;

namespace L2R.Domain.Leads;

/// <summary>What a history entry records: a lead entering the process, a move between stages, or another lead merged into it.</summary>
public enum HistoryEntryKind
{
    Created,
    Moved,
    Merged,
}

public enum ActorKind
{
    User,
    System,

    /// <summary>An API client of the tenant, acting with client credentials.</summary>
    Integration,
}

/// <summary>
/// One entry of a lead's history, written only by <see cref="LeadMover"/>: its creation (entry into its first stage) or
/// a move, with the agreement version it was judged by and how every criterion evaluated. Metrics count stage entries
/// from these rows alone.
/// </summary>
public sealed class LeadTransition : Common.ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public Guid LeadId { get; set; }
    public HistoryEntryKind Kind { get; set; } = HistoryEntryKind.Moved;

    /// <summary>Null for <see cref="HistoryEntryKind.Created"/>: the lead was in no stage before.</summary>
    public LeadState? From { get; set; }
    public LeadState To { get; set; }

    /// <summary>Null for <see cref="HistoryEntryKind.Created"/>.</summary>
    public LeadTrigger? Trigger { get; set; }
    public ActorKind ActorKind { get; set; }
    public Guid? ActorUserId { get; set; }

    /// <summary>The lead's owner as it entered <see cref="To"/>: metrics credit an entry to the owner of that moment, not today's.</summary>
    public Guid? OwnerId { get; set; }

    /// <summary>The API client that made the move, for <see cref="ActorKind.Integration"/>.</summary>
    public Guid? ActorClientId { get; set; }
    public DateTime OccurredAt { get; set; }

    /// <summary>The entry's place among those one command wrote at the same instant (creation, a move, the automatic moves after it).</summary>
    public int Step { get; set; }
    public int AgreementVersion { get; set; }
    public string? ReasonCode { get; set; }
    public string? ReasonLabel { get; set; }
    public string? Note { get; set; }
    public List<CriterionEvaluation> Criteria { get; set; } = [];

    /// <summary>On a <see cref="HistoryEntryKind.Created"/> entry, the CSV import run that brought the lead in; undo finds its leads by it.</summary>
    public Guid? ImportRunId { get; set; }

    /// <summary>On a <see cref="HistoryEntryKind.Merged"/> entry, the lead absorbed into this one.</summary>
    public Guid? MergedLeadId { get; set; }
}
