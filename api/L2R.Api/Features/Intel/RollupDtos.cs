using System.ComponentModel;
using L2R.Api.Features.Metrics;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Intel;
using L2R.Domain.Leads;

namespace L2R.Api.Features.Intel;

[WrittenInFull]
public sealed record TagFigureDto(
    Guid TagId,
    string Label,
    bool Retired,
    [property: Description("Distinct leads the tag was heard on: the count its drill-down lists.")]
    int Leads,
    [property: Description("Intel records carrying the tag (a lead heard twice counts twice).")]
    int Mentions)
{
    public static TagFigureDto From(IntelTagCount c) => new(c.TagId, c.Label, c.Retired, c.Leads, c.Mentions);
}

[WrittenInFull]
[Description("The tags of one kind heard in the period, most leads first.")]
public sealed record TagFrequencyDto(IntelKind Kind, DateTime From, DateTime To, IReadOnlyList<TagFigureDto> Tags);

[WrittenInFull]
public sealed record IntelBucketDto(DateTime Start, DateTime End);

[WrittenInFull]
public sealed record CompetitorFigureDto(
    Guid TagId,
    string Label,
    bool Retired,
    int Leads,
    int Mentions,
    [property: Description("Distinct leads per bucket, in the order of the report's buckets.")]
    IReadOnlyList<int> Trend,
    [property: Description("Of the leads, those that are Won now.")]
    int Won,
    [property: Description("Of the leads, those that are Lost now.")]
    int Lost,
    [property: Description("won ÷ (won + lost); null before any was decided.")]
    double? WinRate);

[WrittenInFull]
[Description("Competitors heard in the period by frequency, with their trend per week or month (starting at midnight in the tenant's time zone) and how the leads they came up on ended.")]
public sealed record CompetitorReportDto(DateTime From, DateTime To, TrendBucket Bucket, string TimeZone, IReadOnlyList<IntelBucketDto> Buckets, IReadOnlyList<CompetitorFigureDto> Competitors);

/// <summary>How pains are split into segments.</summary>
public enum PainSegment
{
    Industry,
    CompanySize,
    Source,
}

[WrittenInFull]
public sealed record SegmentPainsDto(
    [property: Description("The segment's key for the drill-down's `group`; \"\" for leads without a value.")]
    string Key,
    string Label,
    [property: Description("Distinct leads of the segment with any pain.")]
    int Leads,
    IReadOnlyList<TagFigureDto> Pains);

[WrittenInFull]
[Description("The pains leads named, per segment: industry, company size band or source of the lead.")]
public sealed record PainsReportDto(DateTime From, DateTime To, PainSegment GroupBy, IReadOnlyList<SegmentPainsDto> Segments);

[WrittenInFull]
public sealed record CampaignReceptionDto(
    [property: Description("The campaign; \"\" for intel about no campaign.")]
    string Campaign,
    string Label,
    [property: Description("Distinct leads per verdict; each drills down with verdict and campaign.")]
    int Resonated,
    int FellFlat,
    int Confused,
    int Total);

[WrittenInFull]
[Description("How each campaign's message landed, as reps heard it: distinct leads per verdict.")]
public sealed record ReceptionReportDto(DateTime From, DateTime To, IReadOnlyList<CampaignReceptionDto> Campaigns);

[WrittenInFull]
public sealed record IntelLeadDto(
    Guid LeadId,
    string DisplayName,
    string? Company,
    LeadState State,
    string? Source,
    DateTime LastHeardAt,
    [property: Description("The lead's intel records the count is made of, newest first, with their notes.")]
    IReadOnlyList<LeadIntelDto> Records);

[WrittenInFull]
public sealed record IntelLeadPageDto(IReadOnlyList<IntelLeadDto> Items, int Total, int Page, int PageSize);
