namespace L2R.Domain.Leads;

public enum ActivityType
{
    PageView,
    ContentDownload,
    Webinar,
    EmailOpen,
    EmailClick,
    FormSubmission,
    Meeting,
    Call,

    /// <summary>An email a rep sent (the email types above record the lead's engagement, not the rep's).</summary>
    EmailSent,
}

public enum ChecklistItem
{
    Budget,
    Authority,
    Need,
    Timeline,
}
