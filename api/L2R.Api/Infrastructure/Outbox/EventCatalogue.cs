using System.Text.Json;
using L2R.Api.Features.Slas;
using L2R.Domain.Agreements;
using L2R.Domain.Leads;
using L2R.Domain.Slas;

namespace L2R.Api.Infrastructure.Outbox;

/// <summary>
/// Every event type L2R publishes (webhooks and the feed carry the same ones), all written by <see cref="OutboxWriter"/>.
/// </summary>
public static class EventTypes
{
    public const string LeadCreated = "lead.created";
    public const string LeadUpdated = "lead.updated";
    public const string LeadStageChanged = "lead.stage_changed";
    public const string LeadAssigned = "lead.assigned";
    public const string LeadMerged = "lead.merged";
    public const string LeadDeleted = "lead.deleted";
    public const string SlaWarning = "sla.warning";
    public const string SlaBreached = "sla.breached";
    public const string ImportCompleted = "import.completed";
    public const string DriftDetected = "metrics.drift_detected";
    public const string AgreementActivated = "agreement.activated";
    public const string ReviewBriefReady = "review.brief_ready";

    /// <summary>Sent to one subscription on request; never in the outbox or the feed.</summary>
    public const string WebhookTest = "webhook.test";

    public static readonly IReadOnlyList<string> All =
        [LeadCreated, LeadUpdated, LeadStageChanged, LeadAssigned, LeadMerged, LeadDeleted, SlaWarning, SlaBreached, AgreementActivated, ImportCompleted, DriftDetected, ReviewBriefReady];
}

/// <summary>Who did it: a person, an API client or the system (automatic moves).</summary>
public sealed record EventActor(ActorKind Kind, Guid? UserId, Guid? ClientId);

/// <summary>The lead as it was created: its first stage (the moves after it follow as their own events) and its data and scores.</summary>
public sealed record LeadSnapshot(
    Guid Id, LeadState State, string Name, string? FirstName, string? LastName, string? Email, string? Phone, string? Title,
    string? Company, string? Website, string? Industry, string? Country, int? CompanySize, decimal? AnnualRevenue,
    string? Source, string? Campaign, Guid? OwnerId, int FitScore, int EngagementScore, int TotalScore,
    IReadOnlyDictionary<string, string> CustomFields, DateTime CreatedAt)
{
    public static LeadSnapshot Of(Lead l) => new(
        l.Id, l.State, l.DisplayName, l.FirstName, l.LastName, l.Email, l.Phone, l.Title, l.Company, l.Website, l.Industry,
        l.Country, l.CompanySize, l.AnnualRevenue, l.Source, l.Campaign, l.OwnerId, l.FitScore, l.EngagementScore, l.TotalScore,
        l.CustomFields, l.CreatedAt);
}

public sealed record LeadCreatedData(LeadSnapshot Lead, EventActor Actor);

public sealed record FieldChangeData(string Field, string? OldValue, string? NewValue);

public sealed record LeadUpdatedData(Guid LeadId, IReadOnlyList<FieldChangeData> Changes, EventActor Actor);

/// <summary>A move with the whole rule trace: each criterion of the guard as it evaluated, under which agreement version.</summary>
public sealed record LeadStageChangedData(
    Guid LeadId, LeadState? From, LeadState To, LeadTrigger? Trigger, EventActor Actor, int AgreementVersion,
    IReadOnlyList<CriterionEvaluation> Criteria, string? ReasonCode, string? ReasonLabel, string? Note);

public sealed record LeadAssignedData(Guid LeadId, Guid? PreviousOwnerId, Guid? OwnerId);

/// <summary>An SLA clock's warning or breach: which term, under which agreement version, when it was due, and who owned the lead.</summary>
public sealed record LeadSlaData(Guid LeadId, Guid ClockId, string TermId, string TermName, int AgreementVersion, DateTime StartedAt, DateTime? DueAt, DateTime At)
{
    public static LeadSlaData Of(SlaClock clock, DateTime at) =>
        new(clock.LeadId, clock.Id, clock.TermId, SlaReads.NameOf(clock.Term), clock.AgreementVersion, clock.StartedAt, clock.DueAt, at);
}

/// <summary>Another lead was absorbed into this one; the absorbed id answers 404 with this lead's id from now on.</summary>
public sealed record LeadMergedData(Guid LeadId, Guid AbsorbedLeadId, Guid? MergedBy);

/// <summary>The lead is gone: an import that created it was undone before anyone worked it.</summary>
public sealed record LeadDeletedData(Guid LeadId, string Reason, Guid? ImportRunId);

/// <summary>A leads or activities import finished its real run (a dry run writes nothing, and sends nothing).</summary>
public sealed record ImportCompletedData(Guid ImportRunId, string Kind, string FileName, int Rows, int Created, int Updated, int Skipped, int Failed);

/// <summary>MQL acceptance fell below, or the reject rate rose above, the agreement's alarm over its window.</summary>
public sealed record DriftDetectedData(Guid AlertId, int AgreementVersion, string Measure, double Threshold, double Value, int Accepted, int Rejected, DateTime StartedAt);

public sealed record AgreementActivatedData(Guid AgreementVersionId, int Version);

/// <summary>A review's brief was generated (scheduled the day before, or on demand); fetch it with the review's id and version.</summary>
public sealed record ReviewBriefReadyData(Guid ReviewId, DateOnly ReviewDate, DateTime ReviewStartsAt, int Version, bool Scheduled, DateTime GeneratedAt);

public static class EventJson
{
    public static string Serialize<T>(T data) => JsonSerializer.Serialize(data, AgreementJson.Options);
}
