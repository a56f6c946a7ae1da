namespace L2R.Domain.Leads;

/// <summary>One step of the lead's journey (a page view, a download, a webinar…); engagement scoring reads these.</summary>
public sealed class LeadActivity : Common.ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public Guid LeadId { get; set; }
    public ActivityType Type { get; set; }
    public DateTime OccurredAt { get; set; }
    public string? Campaign { get; set; }
    public string? Url { get; set; }
    public string? Title { get; set; }
    public Guid? RecordedBy { get; set; }
    public DateTime RecordedAt { get; set; }

    /// <summary>The activities CSV import that recorded it, so undoing that import removes exactly its activities.</summary>
    public Guid? ImportRunId { get; set; }
}
