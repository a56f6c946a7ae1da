using System.ComponentModel;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Leads;
using L2R.Domain.Metrics;

namespace L2R.Api.Features.Metrics;

[Description("""
    One stage of the waterfall for one group, counted from the lead history alone. Every entry counted in opening or
    entered is counted once more, in exactly one outcome or in stillIn, so the outcomes always add up:
    cohort mode: entered = advanced + rejected + recycled + disqualified + lost + won + stillIn (opening is 0);
    period mode: opening + entered = advanced + rejected + recycled + disqualified + lost + won + stillIn.
    A rate is null where it does not apply to the stage or nothing is there to divide by.
    """)]
[WrittenInFull]
public sealed record StageFiguresDto(
    [property: Description("Raw, Scored, MQL, SalesAccepted, SQL, Opportunity; Nurture is the recycle pool. Won, Lost and Disqualified are outcomes.")]
    LeadState Stage,
    [property: Description("Entries already in the stage when the period began. Period mode only; always 0 in cohort mode.")]
    int Opening,
    [property: Description("Entries into the stage: in cohort mode by the leads created in the period, ever; in period mode within the period. A lead back in the stage after recycling counts again.")]
    int Entered,
    [property: Description("Leads behind `entered`, each counted once, in the group of its first entry.")]
    int DistinctLeads,
    [property: Description("Entries that went on to the next stage (for Nurture: re-engaged, back to Scored); for MQL these are the accepted.")]
    int Advanced,
    [property: Description("Entries rejected by sales (MQL → Nurture).")]
    int Rejected,
    [property: Description("Entries recycled by sales (SalesAccepted or SQL → Nurture).")]
    int Recycled,
    [property: Description("Entries disqualified.")]
    int Disqualified,
    [property: Description("Entries lost (Opportunity → Lost).")]
    int Lost,
    [property: Description("Entries won (Opportunity → Won): Opportunity's way forward, counted here and not in advanced.")]
    int Won,
    [property: Description("Entries not ended: in cohort mode still in the stage today; in period mode still in it at the end of the period.")]
    int StillIn,
    [property: Description("advanced ÷ (opening + entered); for Opportunity won ÷ (opening + entered). In cohort mode opening is 0, so advanced ÷ entered.")]
    double? ConversionRate,
    [property: Description("MQL only: accepted ÷ (accepted + rejected), accepted being `advanced`.")]
    double? AcceptanceRate,
    [property: Description("MQL only: rejected ÷ (accepted + rejected).")]
    double? RejectRate,
    [property: Description("Opportunity only: won ÷ (won + lost).")]
    double? WinRate,
    [property: Description("Median days in the stage of the entries that left it (counted in an outcome), measured in whole hours; the mean of the middle two for an even count.")]
    double? MedianDaysInStage,
    [property: Description("90th percentile of the same days, interpolated between the nearest ranks.")]
    double? P90DaysInStage,
    [property: Description("Opportunity only: the sum of the amounts of the leads behind `entered`.")]
    decimal? PipelineAmount,
    [property: Description("Opportunity only: the sum of the amounts of the leads behind `won`.")]
    decimal? WonAmount)
{
    public static StageFiguresDto From(StageFigures f) => new(
        f.Stage, f.Opening, f.Entered, f.DistinctLeads, f.Advanced, f.Rejected, f.Recycled, f.Disqualified, f.Lost, f.Won, f.StillIn,
        f.ConversionRate, f.AcceptanceRate, f.RejectRate, f.WinRate, f.MedianDaysInStage, f.P90DaysInStage, f.PipelineAmount, f.WonAmount);
}

[WrittenInFull]
public sealed record WaterfallGroupDto(
    [property: Description("\"all\" when not grouped; else the source, campaign, owner id or agreement version, \"\" for none. Pass it back as `group` to drill down.")]
    string Key,
    [property: Description("The key as people read it: the owner's name, \"Version 3\", \"(no source)\".")]
    string Label,
    [property: Description("Raw, Scored, MQL, SalesAccepted, SQL, Opportunity, Nurture, in that order.")]
    IReadOnlyList<StageFiguresDto> Stages);

[WrittenInFull]
public sealed record WaterfallDto(
    WaterfallMode Mode,
    [property: Description("Start of the period (inclusive, UTC).")]
    DateTime From,
    [property: Description("End of the period (exclusive, UTC).")]
    DateTime To,
    MetricsGrouping? GroupBy,
    [property: Description("One group (key \"all\") when not grouped; else one per key, in key order.")]
    IReadOnlyList<WaterfallGroupDto> Groups);

/// <summary>A number of the waterfall whose entries a drill-down lists.</summary>
public enum WaterfallCount
{
    Opening,
    Entered,

    /// <summary>Every entry counted in an outcome: the entries behind the median and p90 days in stage.</summary>
    Left,
    Advanced,
    Rejected,
    Recycled,
    Disqualified,
    Lost,
    Won,
    StillIn,
}

[Description("One entry behind a waterfall number: the lead, when it entered the stage and what ended the entry.")]
[WrittenInFull]
public sealed record WaterfallLeadDto(
    Guid LeadId,
    string Name,
    string? Company,
    string? Source,
    string? Campaign,
    LeadState Stage,
    DateTime EnteredAt,
    [property: Description("When the entry ended; null while still in (or, in period mode, not ended before the period's end).")]
    DateTime? LeftAt,
    [property: Description("The move that ended the entry.")]
    LeadTrigger? ExitTrigger,
    StageOutcome? Outcome,
    [property: Description("The reason given for the move that ended the entry, if it needed one.")]
    string? ReasonCode,
    [property: Description("Whole hours from entry to exit, in days; null while still in.")]
    double? DaysInStage,
    [property: Description("The owner recorded when the lead entered the stage.")]
    Guid? OwnerId,
    string? OwnerName,
    [property: Description("The entry's agreement version as the waterfall groups it.")]
    int AgreementVersion,
    decimal? Amount);

[Description("A page of the entries behind one number; `total` equals that number.")]
[WrittenInFull]
public sealed record WaterfallLeadPageDto(IReadOnlyList<WaterfallLeadDto> Items, int Total, int Page, int PageSize);

public enum TrendBucket
{
    Week,
    Month,
}

[WrittenInFull]
public sealed record TrendPointDto(
    [property: Description("Start of the bucket (UTC; weeks start on Monday).")]
    DateTime Start,
    [property: Description("End of the bucket (exclusive).")]
    DateTime End,
    [property: Description("The waterfall of the bucket in the trend's mode, in the order of the waterfall's stages.")]
    IReadOnlyList<StageFiguresDto> Stages);

[WrittenInFull]
public sealed record TrendDto(
    WaterfallMode Mode,
    TrendBucket Bucket,
    [property: Description("Start of the first bucket: `from` moved back to the start of its week or month.")]
    DateTime From,
    [property: Description("End of the last bucket: `to` moved on to the end of its week or month.")]
    DateTime To,
    IReadOnlyList<TrendPointDto> Buckets);
