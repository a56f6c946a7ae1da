using L2R.Domain.Agreements;
using L2R.Domain.Leads;

namespace L2R.Domain.Reviews;

public enum ReviewMeasureKind
{
    /// <summary>Accepted ÷ (accepted + rejected) of the MQL stage.</summary>
    MqlAcceptance,

    /// <summary>Advanced ÷ (opening + entered) of <see cref="ReviewMeasure.Stage"/>: the waterfall's conversion rate.</summary>
    StageConversion,

    /// <summary>How many moves gave the reason <see cref="ReviewMeasure.ReasonCode"/>.</summary>
    ReasonCount,

    /// <summary>Clocks of <see cref="ReviewMeasure.SlaTermId"/> met on time ÷ those decided.</summary>
    SlaCompliance,
}

/// <summary>A number a change to the agreement aims to move; the next brief reads it before and after the change took effect.</summary>
public sealed record ReviewMeasure(ReviewMeasureKind Kind, LeadState? Stage = null, LeadTrigger? ReasonTrigger = null, string? ReasonCode = null, string? SlaTermId = null)
{
    public static ReviewMeasure MqlAcceptance { get; } = new(ReviewMeasureKind.MqlAcceptance);

    public static ReviewMeasure ReasonCount(ReasonListKind list, string code) => new(ReviewMeasureKind.ReasonCount, ReasonTrigger: TriggerOf(list), ReasonCode: code);

    public static ReviewMeasure SlaCompliance(string termId) => new(ReviewMeasureKind.SlaCompliance, SlaTermId: termId);

    /// <summary>
    /// What a guard aims at: the MQL guard (and the decisions on an MQL) at whether sales accepts what marketing sends; a
    /// later guard at the conversion of the stage it leads out of.
    /// </summary>
    public static ReviewMeasure For(LeadTrigger trigger) => trigger switch
    {
        LeadTrigger.QualifyForSales => new(ReviewMeasureKind.StageConversion, Stage: LeadState.SalesAccepted),
        LeadTrigger.Convert => new(ReviewMeasureKind.StageConversion, Stage: LeadState.SQL),
        LeadTrigger.Win => new(ReviewMeasureKind.StageConversion, Stage: LeadState.Opportunity),
        _ => MqlAcceptance,
    };

    public string Describe() => Kind switch
    {
        ReviewMeasureKind.MqlAcceptance => "MQL acceptance",
        ReviewMeasureKind.StageConversion => $"{Stage} conversion",
        ReviewMeasureKind.ReasonCount => $"{ReasonTrigger} reason {ReasonCode}",
        _ => $"SLA {SlaTermId} met on time",
    };

    private static LeadTrigger TriggerOf(ReasonListKind list) => list switch
    {
        ReasonListKind.Reject => LeadTrigger.Reject,
        ReasonListKind.Recycle => LeadTrigger.Recycle,
        ReasonListKind.Loss => LeadTrigger.Lose,
        ReasonListKind.Disqualify => LeadTrigger.Disqualify,
        _ => LeadTrigger.Reopen,
    };
}
