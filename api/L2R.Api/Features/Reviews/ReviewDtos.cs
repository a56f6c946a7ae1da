using System.ComponentModel;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Reviews;

namespace L2R.Api.Features.Reviews;

[WrittenInFull]
public sealed record ReviewCadenceDto(
    [property: Description("False until an admin sets the cadence; until then there are no reviews.")]
    bool Configured,
    DayOfWeek Weekday,
    [property: Description("1 = weekly, 2 = fortnightly…")]
    int EveryWeeks,
    [property: Description("The first review is on the first `weekday` on or after this date.")]
    DateOnly FirstDate,
    [property: Description("The meeting's local time (HH:mm) in the tenant calendar's time zone.")]
    TimeOnly LocalTime,
    string TimeZone,
    IReadOnlyList<Guid> Participants,
    [property: Description("A change is reported only when it is at least this many percent (relative)…")]
    int ChangePercent,
    [property: Description("…on at least this many leads in each period compared.")]
    int MinimumSample,
    DateTime? UpdatedAt);

public sealed record UpdateReviewCadenceRequest(DayOfWeek Weekday, int EveryWeeks, DateOnly FirstDate, TimeOnly LocalTime, IReadOnlyList<Guid> Participants, int? ChangePercent, int? MinimumSample);

[WrittenInFull]
public sealed record ReviewSummaryDto(
    Guid Id,
    [property: Description("The meeting's date in the tenant's time zone.")]
    DateOnly LocalDate,
    DateTime StartsAt,
    [property: Description("The start of the local day before: when the scheduled brief is made.")]
    DateTime BriefDueAt,
    [property: Description("Whether the meeting's time has passed.")]
    bool IsPast,
    [property: Description("The latest brief's version; null before the first.")]
    int? LatestBriefVersion,
    int Decisions,
    int OpenActions);

[WrittenInFull]
public sealed record ReviewNoteDto(Guid Id, ReviewNoteKind Kind, string Text, Guid AuthorId, string AuthorName, DateTime CreatedAt, DateTime UpdatedAt);

[WrittenInFull]
public sealed record ReviewDecisionDto(
    Guid Id,
    [property: Description("1, 2… within the review.")]
    int Number,
    string Text,
    [property: Description("The change to the agreement draft, for a decision of a named kind.")]
    AgreementAmendment? Change,
    [property: Description("The draft the change went into; open it at /api/agreement/versions/{draftVersion}.")]
    int? DraftVersion,
    [property: Description("The draft's id while it is still a draft (the editor opens it).")]
    Guid? DraftId,
    Guid RecordedBy,
    string RecordedByName,
    DateTime RecordedAt);

[WrittenInFull]
public sealed record ReviewActionDto(Guid Id, string Title, Guid OwnerId, string OwnerName, DateOnly DueDate, ReviewActionStatus Status, DateTime CreatedAt, DateTime UpdatedAt, int Version);

[WrittenInFull]
public sealed record ReviewDto(
    ReviewSummaryDto Review,
    IReadOnlyList<ReviewNoteDto> AgendaItems,
    IReadOnlyList<ReviewNoteDto> Comments,
    IReadOnlyList<ReviewDecisionDto> Decisions,
    IReadOnlyList<ReviewActionDto> Actions,
    [property: Description("Every brief version, oldest first.")]
    IReadOnlyList<BriefVersionDto> Briefs);

[WrittenInFull]
public sealed record BriefVersionDto(int Version, DateTime GeneratedAt, [property: Description("Null for the scheduled brief.")] Guid? GeneratedBy);

[Description("One finding of a brief: a sentence, the numbers behind it, where to see them and the leads behind them.")]
[WrittenInFull]
public sealed record BriefItemDto(
    string Text,
    [property: Description("Rose or Fell; null for an item that reports a state rather than a change (an action, a decision not yet live).")]
    ChangeDirection? Direction,
    [property: Description("The earlier period's value: a count, or a rate from 0 to 1.")]
    double? Before,
    double? After,
    [property: Description("What the values were measured on (the count itself, or a rate's whole).")]
    int? BeforeSample,
    int? AfterSample,
    [property: Description("The SPA's metrics page with the period and filters of the numbers.")]
    string? MetricsUrl,
    [property: Description("Leads behind the number in the brief's period (at most 20).")]
    IReadOnlyList<Guid> LeadIds);

[WrittenInFull]
public sealed record BriefSectionDto(
    [property: Description("waterfall, acceptance, reasons, clauses, sla, sources, intel, scorecard, actions, decisions.")]
    string Key,
    string Title,
    [property: Description("Empty when nothing passed the thresholds: the section then says so.")]
    IReadOnlyList<BriefItemDto> Items);

[Description("""
    A brief as generated, frozen: the period since the last review compared with the period of the same length before
    it. A change is reported only when it passes the tenant's thresholds on the minimum sample.
    """)]
[WrittenInFull]
public sealed record ReviewBriefContent(
    [property: Description("Start of the brief's period: the previous review (or one cycle back for the first).")]
    DateTime From,
    [property: Description("End of the period: when the brief was generated.")]
    DateTime To,
    [property: Description("Start of the earlier period compared, of the same length.")]
    DateTime PreviousFrom,
    int ChangePercent,
    int MinimumSample,
    IReadOnlyList<BriefSectionDto> Sections);

[WrittenInFull]
public sealed record ReviewBriefDto(
    Guid ReviewId,
    DateOnly ReviewDate,
    int Version,
    DateTime GeneratedAt,
    Guid? GeneratedBy,
    [property: Description("\"scheduled\" for the brief the day before.")]
    string GeneratedByName,
    ReviewBriefContent Content);

public sealed record ReviewNoteRequest(string Text);

public sealed record RecordDecisionRequest(
    [property: Description("The decision in words; for a named change it may be left empty and the change describes itself.")]
    string? Text,
    [property: Description("A named change to the agreement draft (Admins only).")]
    AgreementAmendment? Change);

public sealed record ReviewActionRequest(string Title, Guid OwnerId, DateOnly DueDate, ReviewActionStatus? Status, int? Version);

[WrittenInFull]
public sealed record ReviewPersonDto(Guid Id, string Name, IReadOnlyList<L2R.Domain.Leads.Role> Roles);
