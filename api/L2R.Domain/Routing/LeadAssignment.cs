namespace L2R.Domain.Routing;

public enum AssignmentKind
{
    /// <summary>Routing gave the lead an owner as it entered the routing stage, or as capacity freed while it waited.</summary>
    Routed,

    /// <summary>Every member was at capacity or away: the lead waits, unowned, in the team's queue.</summary>
    Queued,

    /// <summary>The lead was taken from its owner and given to another member (a missed SLA).</summary>
    Reassigned,
}

/// <summary>
/// One routing decision for a lead, with the reason as people read it ("EMEA sales: Anna, weighted round robin; Sofia
/// skipped: at capacity 20/20; due Tue 10:30 Europe/Berlin"). The lead's history shows these beside its moves; the
/// rotation counts and the fairness ledger are computed from them.
/// </summary>
public sealed class LeadAssignment : Common.ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public Guid LeadId { get; set; }
    public AssignmentKind Kind { get; set; }
    public Guid? TeamId { get; set; }

    /// <summary>Null when the lead was queued.</summary>
    public Guid? UserId { get; set; }

    /// <summary>Whom a reassignment took the lead from: the fairness ledger credits them.</summary>
    public Guid? PreviousOwnerId { get; set; }
    public required string Reason { get; set; }

    /// <summary>Nobody could act within the SLA: the lead went to whoever can act soonest, and the team lead hears of it at once.</summary>
    public bool MissesSla { get; set; }
    public DateTime? DueAt { get; set; }
    public DateTime OccurredAt { get; set; }
    public int AgreementVersion { get; set; }
}
