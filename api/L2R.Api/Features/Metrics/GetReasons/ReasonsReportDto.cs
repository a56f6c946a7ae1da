using System.ComponentModel;
using L2R.Api.Features.Agreements;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Leads;
using L2R.Domain.Metrics;

namespace L2R.Api.Features.Metrics.GetReasons;

[WrittenInFull]
public sealed record ReasonFigureDto(
    [property: Description("Reject, Recycle, Lose or Disqualify.")]
    LeadTrigger Trigger,
    string Code,
    [property: Description("The label in the latest version that has the code.")]
    string Label,
    [property: Description("The clause the reason disputes in the version the move was judged by; null when it names none.")]
    ClauseDto? Disputes,
    int Count,
    [property: Description("count ÷ total.")]
    double Share);

[WrittenInFull]
public sealed record ClauseFigureDto(
    [property: Description("Null for the moves whose reason names no clause.")]
    ClauseDto? Clause,
    int Count,
    [property: Description("count ÷ total.")]
    double Share,
    IReadOnlyList<string> ReasonCodes);

[WrittenInFull]
public sealed record ReasonCountDto(LeadTrigger Trigger, string Code, int Count);

[WrittenInFull]
public sealed record ReasonSliceDto(
    [property: Description("The source or campaign; \"\" for none.")]
    string Key,
    string Label,
    int Count,
    IReadOnlyList<ReasonCountDto> Reasons);

[WrittenInFull]
public sealed record ReasonNoteDto(Guid LeadId, string LeadName, LeadTrigger Trigger, string Code, string Label, string Note, Guid? ByUserId, string ByName, DateTime At);

[Description("""
    The moves that ended waterfall entries with a reason (Reject, Recycle, Lose, Disqualify), counted as the waterfall
    counts its outcomes with the same period, mode and filters: the Reject count of stage MQL equals the waterfall's
    MQL `rejected`. Rolled up by reason, by the clause each reason disputes, by source and by campaign, with the notes
    the reps wrote.
    """)]
[WrittenInFull]
public sealed record ReasonsReportDto(
    WaterfallMode Mode,
    DateTime From,
    DateTime To,
    int Total,
    [property: Description("Most frequent first.")]
    IReadOnlyList<ReasonFigureDto> Reasons,
    [property: Description("Most disputed first.")]
    IReadOnlyList<ClauseFigureDto> Clauses,
    IReadOnlyList<ReasonSliceDto> BySource,
    IReadOnlyList<ReasonSliceDto> ByCampaign,
    [property: Description("The latest 50 notes, newest first.")]
    IReadOnlyList<ReasonNoteDto> Notes);
