using L2R.Domain.Common;
using L2R.Domain.Intel;
using L2R.Domain.Leads;

namespace L2R.Api.Infrastructure.Data;

/// <summary>
/// One entry of a tenant's tag list. A retired tag stays on the history that carries it but is no longer offered;
/// a tag merged into another is retired and points at the one that took its mentions.
/// </summary>
public sealed class IntelTag : ITenantOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public IntelKind Kind { get; set; }
    public required string Label { get; set; }

    /// <summary>What makes two labels the same tag (<see cref="IntelCapture.NormalizeLabel"/>); unique per kind.</summary>
    public required string NormalizedLabel { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTime? RetiredAt { get; set; }
    public Guid? MergedIntoId { get; set; }
    public int Version { get; set; } = 1;
}

/// <summary>
/// What a rep heard, recorded with one of their activities or with a move that carries a reason, in the same
/// transaction. <see cref="Campaign"/> is the campaign the reception verdict is about (the lead's when the rep names
/// none), kept on every record so the campaign filter reads the same everywhere.
/// </summary>
public sealed class LeadIntel : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public Guid LeadId { get; set; }
    public Guid? ActivityId { get; set; }
    public ActivityType? ActivityType { get; set; }
    public Guid? TransitionId { get; set; }
    public LeadTrigger? Trigger { get; set; }
    public string? Campaign { get; set; }
    public MessageVerdict? Verdict { get; set; }
    public string? Note { get; set; }

    /// <summary>The lead's owner when the intel was recorded: the owner filter reads the rep whose lead it was then, as the metrics do.</summary>
    public Guid? OwnerId { get; set; }
    public Guid? RecordedBy { get; set; }
    public DateTime RecordedAt { get; set; }
    public List<LeadIntelTag> Tags { get; set; } = [];
}

/// <summary>One tag on one intel record, with its kind, lead and time copied so every roll-up is a group-by on this table.</summary>
public sealed class LeadIntelTag : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public Guid LeadIntelId { get; set; }
    public Guid LeadId { get; set; }
    public Guid TagId { get; set; }
    public IntelKind Kind { get; set; }
    public DateTime RecordedAt { get; set; }
}
