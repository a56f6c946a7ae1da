using System.ComponentModel;
using L2R.Api.Features.Metrics;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Agreements;

namespace L2R.Api.Features.Scorecards;

[WrittenInFull]
public sealed record ScorecardDto(
    [property: Description("The active agreement version whose goals are read.")] int AgreementVersion,
    TrendBucket Bucket,
    [property: Description("Start of the first bucket (UTC; weeks start on Monday).")] DateTime From,
    [property: Description("End of the last bucket (exclusive, UTC).")] DateTime To,
    IReadOnlyList<ScorecardGoalDto> Goals);

[WrittenInFull]
public sealed record ScorecardGoalDto(
    string Id,
    [property: Description("The goal as both teams signed it, e.g. \"MQL acceptance ≥ 60%\".")] string Description,
    string Name,
    ScorecardMeasure Measure,
    [property: Description("\"share\" (0 to 1) or \"hours\".")] string Unit,
    [property: Description("Whether the goal is met at or above its target (else at or below).")] bool HigherIsBetter,
    double Target,
    [property: Description("Fewer cases than this in a bucket say nothing: Met is null there.")] int MinimumSample,
    [property: Description("How the value is computed.")] string Formula,
    [property: Description("The whole period.")] ScorecardPointDto Overall,
    [property: Description("Each week or month of the period.")] IReadOnlyList<ScorecardPointDto> Points);

[WrittenInFull]
public sealed record ScorecardPointDto(
    DateTime From,
    DateTime To,
    [property: Description("Null when nothing happened in the bucket.")] double? Value,
    [property: Description("The cases behind the value (decisions, exits, closed opportunities or clocks).")] int Sample,
    [property: Description("Null on fewer cases than the goal's minimum sample.")] bool? Met);
