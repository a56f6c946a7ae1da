namespace L2R.Domain.Agreements;

/// <summary>
/// The few shared goals marketing and sales signed with the agreement ("MQL acceptance ≥ 60%"), so both teams measure
/// success by the same numbers. Absent from versions stored before the scorecard existed: they load with no goals.
/// </summary>
public sealed record Scorecard
{
    /// <summary>A scorecard is read in a meeting: more goals than this stop being a shared focus.</summary>
    public const int MaxGoals = 8;

    public IReadOnlyList<ScorecardGoal> Goals { get; init; } = [];
}

/// <summary>
/// One goal: a <see cref="Measure"/> and its <see cref="Target"/> (a share from 0 to 1, or hours), met in the direction
/// the measure is better in. Fewer than <see cref="MinimumSample"/> cases in a period say nothing about the goal there.
/// </summary>
public sealed record ScorecardGoal
{
    public required string Id { get; init; }
    public required ScorecardMeasure Measure { get; init; }
    public required double Target { get; init; }
    public string? Label { get; init; }
    public int MinimumSample { get; init; } = 10;

    /// <summary>The goal as both teams say it: "MQL acceptance ≥ 60%".</summary>
    public string Describe() => $"{Label ?? ScorecardMeasures.Name(Measure)} {(ScorecardMeasures.HigherIsBetter(Measure) ? "≥" : "≤")} {ScorecardMeasures.Format(Measure, Target)}";
}

/// <summary>What a goal measures; each is computed from the history and the SLA clocks the way the Metrics page shows it.</summary>
public enum ScorecardMeasure
{
    /// <summary>MQL decisions: accepted ÷ (accepted + rejected).</summary>
    MqlAcceptanceRate,

    /// <summary>MQL decisions: rejected ÷ (accepted + rejected).</summary>
    MqlRejectRate,

    /// <summary>SalesAccepted entries that left: to SQL ÷ all that left.</summary>
    SalesAcceptedToSqlRate,

    /// <summary>SQL entries that left: to Opportunity ÷ all that left.</summary>
    SqlToOpportunityRate,

    /// <summary>Closed opportunities: won ÷ (won + lost).</summary>
    OpportunityWinRate,

    /// <summary>SLA clocks decided: met on time ÷ (met + breached).</summary>
    SlaMetOnTimeRate,

    /// <summary>Median hours from entering MQL to the response that met the clock, on the clock's own basis (business or calendar hours).</summary>
    MedianHoursToFirstResponse,
}

public static class ScorecardMeasures
{
    public static bool IsHours(ScorecardMeasure measure) => measure == ScorecardMeasure.MedianHoursToFirstResponse;

    public static bool HigherIsBetter(ScorecardMeasure measure) => measure is not (ScorecardMeasure.MqlRejectRate or ScorecardMeasure.MedianHoursToFirstResponse);

    /// <summary>Whether <paramref name="value"/> meets <paramref name="target"/> for this measure (a target reached exactly is met).</summary>
    public static bool Meets(ScorecardMeasure measure, double value, double target) => HigherIsBetter(measure) ? value >= target : value <= target;

    public static string Name(ScorecardMeasure measure) => measure switch
    {
        ScorecardMeasure.MqlAcceptanceRate => "MQL acceptance",
        ScorecardMeasure.MqlRejectRate => "MQL reject rate",
        ScorecardMeasure.SalesAcceptedToSqlRate => "SalesAccepted → SQL",
        ScorecardMeasure.SqlToOpportunityRate => "SQL → Opportunity",
        ScorecardMeasure.OpportunityWinRate => "Win rate",
        ScorecardMeasure.SlaMetOnTimeRate => "SLAs met on time",
        ScorecardMeasure.MedianHoursToFirstResponse => "Median time to first response",
        _ => measure.ToString(),
    };

    public static string Formula(ScorecardMeasure measure) => measure switch
    {
        ScorecardMeasure.MqlAcceptanceRate => "MQLs accepted ÷ (accepted + rejected), by when the decision was made",
        ScorecardMeasure.MqlRejectRate => "MQLs rejected ÷ (accepted + rejected), by when the decision was made",
        ScorecardMeasure.SalesAcceptedToSqlRate => "SalesAccepted entries that moved to SQL ÷ all SalesAccepted entries that left, by when they left",
        ScorecardMeasure.SqlToOpportunityRate => "SQL entries that moved to Opportunity ÷ all SQL entries that left, by when they left",
        ScorecardMeasure.OpportunityWinRate => "Opportunities won ÷ (won + lost), by when they closed",
        ScorecardMeasure.SlaMetOnTimeRate => "SLA clocks met on time ÷ (met + breached), by when the clock started",
        ScorecardMeasure.MedianHoursToFirstResponse => "Median hours from entering MQL to the decision or touch that met the clock, in the term's business or calendar hours, by when the clock started",
        _ => measure.ToString(),
    };

    public static string Format(ScorecardMeasure measure, double value) =>
        IsHours(measure) ? $"{Math.Round(value, 1):0.#} h" : $"{Math.Round(value * 100, 1):0.#}%";
}
