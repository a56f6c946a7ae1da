using L2R.Domain.Agreements;
using L2R.Domain.Leads;

namespace L2R.Domain.Metrics;

/// <summary>
/// A goal read over one period: its value (null when nothing happened), the cases behind it, and whether it met its
/// target: null on fewer cases than the goal's minimum sample, so a quiet week is never called a miss.
/// </summary>
public sealed record ScorecardReading(double? Value, int Sample, bool? Met);

/// <summary>The SLA clocks of a period as the scorecard needs them: decided on time or not, and the response times.</summary>
public sealed record SlaSample(int MetOnTime, int Breached, IReadOnlyList<double> ResponseHours);

public static class ScorecardReader
{
    /// <summary>
    /// Reads <paramref name="goal"/> from a period-mode waterfall of the period (exits counted when they happened) and
    /// its SLA clocks; <see cref="Waterfall"/> is the same computation the Metrics page shows, so the numbers agree.
    /// </summary>
    public static ScorecardReading Read(ScorecardGoal goal, IReadOnlyList<StageFigures> stages, SlaSample sla)
    {
        StageFigures Stage(LeadState state) => stages.FirstOrDefault(s => s.Stage == state) ?? throw new ArgumentException($"The waterfall has no {state} stage.", nameof(stages));

        var (part, whole) = goal.Measure switch
        {
            ScorecardMeasure.MqlAcceptanceRate => (Stage(LeadState.MQL).Advanced, Stage(LeadState.MQL).Advanced + Stage(LeadState.MQL).Rejected),
            ScorecardMeasure.MqlRejectRate => (Stage(LeadState.MQL).Rejected, Stage(LeadState.MQL).Advanced + Stage(LeadState.MQL).Rejected),
            ScorecardMeasure.SalesAcceptedToSqlRate => (Stage(LeadState.SalesAccepted).Advanced, Stage(LeadState.SalesAccepted).Left),
            ScorecardMeasure.SqlToOpportunityRate => (Stage(LeadState.SQL).Advanced, Stage(LeadState.SQL).Left),
            ScorecardMeasure.OpportunityWinRate => (Stage(LeadState.Opportunity).Won, Stage(LeadState.Opportunity).Won + Stage(LeadState.Opportunity).Lost),
            ScorecardMeasure.SlaMetOnTimeRate => (sla.MetOnTime, sla.MetOnTime + sla.Breached),
            ScorecardMeasure.MedianHoursToFirstResponse => (0, sla.ResponseHours.Count),
            _ => throw new ArgumentOutOfRangeException(nameof(goal), goal.Measure, "Unknown measure."),
        };

        double? value = whole == 0 ? null
            : ScorecardMeasures.IsHours(goal.Measure) ? Math.Round(Percentile.OfValues(sla.ResponseHours, 0.5)!.Value, 2)
            : (double)part / whole;
        bool? met = whole < goal.MinimumSample || value is null ? null : ScorecardMeasures.Meets(goal.Measure, value.Value, goal.Target);
        return new ScorecardReading(value, whole, met);
    }
}
