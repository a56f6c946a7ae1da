using L2R.Domain.Leads;

namespace L2R.Domain.Metrics;

/// <summary>
/// <see cref="Cohort"/>: the leads created in the period, followed to today. <see cref="Period"/>: every entry and
/// outcome that happened in the period, whenever its lead was created.
/// </summary>
public enum WaterfallMode
{
    Cohort,
    Period,
}

/// <summary>What ended one entry into a stage, named by the move that ended it; an entry not ended yet is still in.</summary>
public enum StageOutcome
{
    /// <summary>On to the next stage of the waterfall (for Nurture: re-engaged, back to Scored).</summary>
    Advanced,
    Rejected,
    Recycled,
    Disqualified,
    Lost,

    /// <summary>Opportunity's way forward: counted as won, not advanced.</summary>
    Won,
}

/// <summary>The rows of the waterfall and how the history's moves end their entries.</summary>
public static class WaterfallStages
{
    /// <summary>The six stages of the funnel in order, then Nurture, the recycle pool. Won, Lost and Disqualified are outcomes, not rows.</summary>
    public static readonly IReadOnlyList<LeadState> Rows =
        [LeadState.Raw, LeadState.Scored, LeadState.MQL, LeadState.SalesAccepted, LeadState.SQL, LeadState.Opportunity, LeadState.Nurture];

    /// <summary>The moves that end an entry into a stage with a given outcome; Reopen leaves a closed outcome, never a row.</summary>
    public static IReadOnlyList<LeadTrigger> TriggersOf(StageOutcome outcome) =>
        Enum.GetValues<LeadTrigger>().Where(t => OutcomeOf(t) == outcome).ToList();

    public static StageOutcome? OutcomeOf(LeadTrigger exit) => exit switch
    {
        LeadTrigger.Score or LeadTrigger.Qualify or LeadTrigger.Accept or LeadTrigger.QualifyForSales or LeadTrigger.Convert or LeadTrigger.Reengage
            => StageOutcome.Advanced,
        LeadTrigger.Reject => StageOutcome.Rejected,
        LeadTrigger.Recycle => StageOutcome.Recycled,
        LeadTrigger.Disqualify => StageOutcome.Disqualified,
        LeadTrigger.Lose => StageOutcome.Lost,
        LeadTrigger.Win => StageOutcome.Won,
        _ => null,
    };

    public static bool IsRow(LeadState state) => Rows.Contains(state);
}
