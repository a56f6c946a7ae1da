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
}

public enum ChecklistItem
{
    Budget,
    Authority,
    Need,
    Timeline,
}
