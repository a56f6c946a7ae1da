using L2R.Domain.Leads;

namespace L2R.Domain.Agreements;

/// <summary>The executable definition marketing and sales signed: scoring, a guard per move, reasons and SLAs.</summary>
public sealed record LeadAgreement
{
    public required ScoringModel Scoring { get; init; }
    public required IReadOnlyList<TransitionRule> Transitions { get; init; }
    public required ReasonLists Reasons { get; init; }
    public required SlaTerms Slas { get; init; }

    /// <summary>Absent from versions stored before alarms existed: they load with every alarm off.</summary>
    public DriftAlarms Drift { get; init; } = new();

    public TransitionRule RuleFor(LeadTrigger trigger) =>
        Transitions.FirstOrDefault(t => t.Trigger == trigger) ?? TransitionRule.Unguarded(trigger);

    public IReadOnlyList<Reason> ReasonsFor(LeadTrigger trigger) => LeadWorkflow.ReasonListOf(trigger) switch
    {
        ReasonListKind.Reject => Reasons.Reject,
        ReasonListKind.Recycle => Reasons.Recycle,
        ReasonListKind.Loss => Reasons.Loss,
        ReasonListKind.Disqualify => Reasons.Disqualify,
        ReasonListKind.Reopen => Reasons.Reopen,
        _ => [],
    };

    /// <summary>
    /// The clause a reason disputes: <see cref="Reason.DataQuality"/>, a guard's criterion, or a fit rule, by id. Null
    /// when nothing here has the id; <see cref="AgreementValidator"/> refuses that, and an id two clauses share.
    /// </summary>
    public AgreementClause? FindClause(string id) =>
        id == Reason.DataQuality ? AgreementClause.DataQualityClause : ClausesWithId(id).FirstOrDefault();

    /// <summary>The clause the reason given for a move disputes, if the reason names one.</summary>
    public AgreementClause? ClauseDisputedBy(LeadTrigger trigger, string? reasonCode) =>
        ReasonsFor(trigger).FirstOrDefault(r => r.Code == reasonCode)?.Disputes is { } id ? FindClause(id) : null;

    public IEnumerable<AgreementClause> ClausesWithId(string id) =>
        Transitions.SelectMany(t => t.Criteria.Where(c => c.Id == id).Select(c => new AgreementClause(ClauseKind.Criterion, id, c.Description, t.Trigger)))
            .Concat(Scoring.FitRules.Where(r => r.Id == id).Select(r => new AgreementClause(ClauseKind.FitRule, id, r.Condition.Description, null)));
}

public enum ClauseKind
{
    Criterion,
    FitRule,
    DataQuality,
}

/// <summary>A part of the agreement a reason can dispute: the words both teams signed, and where they sit.</summary>
public sealed record AgreementClause(ClauseKind Kind, string Id, string Description, LeadTrigger? Trigger)
{
    public static readonly AgreementClause DataQualityClause = new(ClauseKind.DataQuality, Reason.DataQuality, "Data quality: contact data wrong, missing or fake", null);
}

/// <summary>What the agreement says about one trigger: who may fire it, whether it fires by itself, and the criteria that must all hold.</summary>
public sealed record TransitionRule
{
    public required LeadTrigger Trigger { get; init; }
    public required IReadOnlyList<Role> Roles { get; init; }
    public bool AutoAdvance { get; init; }
    public IReadOnlyList<Criterion> Criteria { get; init; } = [];

    public static TransitionRule Unguarded(LeadTrigger trigger) => new() { Trigger = trigger, Roles = [Role.Admin] };
}

public enum ReasonListKind
{
    None,
    Reject,
    Recycle,
    Loss,
    Disqualify,
    Reopen,
}

/// <summary>
/// A reason keeps its <see cref="Code"/> forever (history and metrics group by it); the label may be reworded.
/// <see cref="Disputes"/> names the clause the reason says was wrong, so feedback reaches the words that made the lead:
/// a criterion id or a fit rule id of the same agreement, or <see cref="DataQuality"/>.
/// </summary>
public sealed record Reason(string Code, string Label, string? Disputes = null)
{
    /// <summary>The clause id of a data-quality problem (bad phone, wrong email, fake name) rather than a rule.</summary>
    public const string DataQuality = "data-quality";
}

public sealed record ReasonLists
{
    public IReadOnlyList<Reason> Reject { get; init; } = [];
    public IReadOnlyList<Reason> Recycle { get; init; } = [];
    public IReadOnlyList<Reason> Loss { get; init; } = [];
    public IReadOnlyList<Reason> Disqualify { get; init; } = [];
    public IReadOnlyList<Reason> Reopen { get; init; } = [];
}

public sealed record SlaTerms
{
    /// <summary>An MQL must be accepted or rejected within this many hours.</summary>
    public int MqlResponseHours { get; init; }

    /// <summary>A SalesAccepted lead must reach SQL or be recycled within this many days.</summary>
    public int SalesAcceptedToSqlDays { get; init; }
}

/// <summary>
/// Alarms on sales's MQL decisions (accept or reject) made under the live version over a rolling window; each alarm is
/// off while its threshold is unset, and none sounds on fewer decisions than <see cref="MinimumSample"/>.
/// </summary>
public sealed record DriftAlarms
{
    /// <summary>Alert when accepted ÷ (accepted + rejected) falls below this share, from 0 to 1.</summary>
    public double? MqlAcceptanceFloor { get; init; }

    /// <summary>Alert when rejected ÷ (accepted + rejected) rises above this share, from 0 to 1.</summary>
    public double? RejectRateCeiling { get; init; }

    public int WindowDays { get; init; } = 30;

    public int MinimumSample { get; init; } = 20;

    public bool IsOff => MqlAcceptanceFloor is null && RejectRateCeiling is null;
}

public sealed record ScoringModel
{
    public IReadOnlyList<FitRule> FitRules { get; init; } = [];
    public IReadOnlyList<EngagementRule> EngagementRules { get; init; } = [];
}

/// <summary>When <see cref="Condition"/> holds, the lead's fit score gains <see cref="Points"/> (may be negative).</summary>
public sealed record FitRule(string Id, Criterion Condition, int Points);

/// <summary>Each activity of <see cref="ActivityType"/> is worth <see cref="Points"/>, halving every <see cref="HalfLifeDays"/> days.</summary>
public sealed record EngagementRule(ActivityType ActivityType, int Points, double HalfLifeDays);
