using L2R.Domain.Leads;

namespace L2R.Domain.Agreements;

/// <summary>The executable definition marketing and sales signed: scoring, a guard per move, reasons and SLAs.</summary>
public sealed record LeadAgreement
{
    public required ScoringModel Scoring { get; init; }
    public required IReadOnlyList<TransitionRule> Transitions { get; init; }
    public required ReasonLists Reasons { get; init; }
    public required SlaTerms Slas { get; init; }

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
}

/// <summary>What the agreement says about one trigger: who may fire it, whether it fires by itself, and the criteria that must all hold.</summary>
public sealed record TransitionRule
{
    public required LeadTrigger Trigger { get; init; }
    public required IReadOnlyList<Role> Roles { get; init; }
    public bool AutoAdvance { get; init; }

    /// <summary>Whether an API client (acting as an integration) may fire it; absent in agreements written before integrations, so off.</summary>
    public bool IntegrationMayFire { get; init; }

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

/// <summary>A reason keeps its <see cref="Code"/> forever (history and metrics group by it); the label may be reworded.</summary>
public sealed record Reason(string Code, string Label);

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

public sealed record ScoringModel
{
    public IReadOnlyList<FitRule> FitRules { get; init; } = [];
    public IReadOnlyList<EngagementRule> EngagementRules { get; init; } = [];
}

/// <summary>When <see cref="Condition"/> holds, the lead's fit score gains <see cref="Points"/> (may be negative).</summary>
public sealed record FitRule(string Id, Criterion Condition, int Points);

/// <summary>Each activity of <see cref="ActivityType"/> is worth <see cref="Points"/>, halving every <see cref="HalfLifeDays"/> days.</summary>
public sealed record EngagementRule(ActivityType ActivityType, int Points, double HalfLifeDays);
