using System.Text.Json.Serialization;
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

    /// <summary>Absent from versions stored before routing existed: they load with routing off.</summary>
    public RoutingRules Routing { get; init; } = new();

    /// <summary>Absent from versions stored before the scorecard existed: they load with no shared goals.</summary>
    public Scorecard Scorecard { get; init; } = new();

    public TransitionRule RuleFor(LeadTrigger trigger)
    {
        foreach (var rule in Transitions)
        {
            if (rule.Trigger == trigger)
            {
                return rule;
            }
        }

        return TransitionRule.Unguarded(trigger);
    }

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

/// <summary>
/// The follow-up promises. <see cref="Terms"/> states them in full; an agreement stored before terms existed has only
/// the two numbers, and <see cref="Effective"/> reads those as the terms they always meant.
/// </summary>
public sealed record SlaTerms
{
    /// <summary>An MQL must be accepted or rejected within this many hours (used when <see cref="Terms"/> is empty).</summary>
    public int MqlResponseHours { get; init; }

    /// <summary>A SalesAccepted lead must reach SQL or be recycled within this many days (used when <see cref="Terms"/> is empty).</summary>
    public int SalesAcceptedToSqlDays { get; init; }

    public IReadOnlyList<SlaTerm> Terms { get; init; } = [];

    public const string MqlResponseId = "mql-response";
    public const string SalesAcceptedToSqlId = "sal-to-sql";

    /// <summary>
    /// The terms in force: <see cref="Terms"/>, or the two numbers as terms: the MQL response in business hours, met by
    /// a decision or the first call, meeting or email; SalesAccepted to SQL in calendar days, met by the decision.
    /// </summary>
    public IReadOnlyList<SlaTerm> Effective()
    {
        if (Terms.Count > 0)
        {
            return Terms;
        }

        var terms = new List<SlaTerm>();
        if (MqlResponseHours > 0)
        {
            terms.Add(new SlaTerm
            {
                Id = MqlResponseId,
                Name = "MQL response",
                StartStage = LeadState.MQL,
                StopTriggers = [LeadTrigger.Accept, LeadTrigger.Reject],
                StopTouches = [ActivityType.Call, ActivityType.Meeting, ActivityType.EmailSent],
                TargetHours = MqlResponseHours,
            });
        }

        if (SalesAcceptedToSqlDays > 0)
        {
            terms.Add(new SlaTerm
            {
                Id = SalesAcceptedToSqlId,
                Name = "SalesAccepted to SQL",
                StartStage = LeadState.SalesAccepted,
                StopTriggers = [LeadTrigger.QualifyForSales, LeadTrigger.Recycle],
                TargetHours = SalesAcceptedToSqlDays * 24,
                Basis = SlaTimeBasis.CalendarHours,
            });
        }

        return terms;
    }
}

/// <summary>Whether a target counts only the tenant's working hours or every hour.</summary>
public enum SlaTimeBasis
{
    BusinessHours,
    CalendarHours,
}

/// <summary>Who hears of a warning or a breach besides the lead's owner.</summary>
public enum SlaEscalation
{
    /// <summary>The lead of the owner's team; until teams exist, the tenant's admins.</summary>
    TeamLead,

    /// <summary>Every active user holding <see cref="SlaBreachAction.Role"/>.</summary>
    Role,
}

public sealed record SlaBreachAction
{
    public SlaEscalation EscalateTo { get; init; } = SlaEscalation.TeamLead;

    /// <summary>For <see cref="SlaEscalation.Role"/>.</summary>
    public Role? Role { get; init; }

    /// <summary>Give the lead to the next rep in the rotation who has not had it (once routing exists).</summary>
    public bool Reassign { get; init; }
}

/// <summary>
/// One follow-up promise: a clock starts when a lead enters <see cref="StartStage"/> and stops at the first of
/// <see cref="StopTriggers"/> (a decision) or <see cref="StopTouches"/> (a touch a person recorded); it warns at
/// <see cref="WarningPercent"/> of <see cref="TargetHours"/> and is breached at the target. While the lead is in one
/// of <see cref="PausingStages"/> the clock stands still; leaving the start stage any other way ends it unmet.
/// Every property but <see cref="Id"/> has a default, so versions stored before a property existed still load.
/// </summary>
public sealed record SlaTerm
{
    public required string Id { get; init; }
    public string Name { get; init; } = "";
    public LeadState StartStage { get; init; } = LeadState.MQL;
    public IReadOnlyList<LeadTrigger> StopTriggers { get; init; } = [];
    public IReadOnlyList<ActivityType> StopTouches { get; init; } = [];
    public double TargetHours { get; init; }
    public SlaTimeBasis Basis { get; init; } = SlaTimeBasis.BusinessHours;
    public int WarningPercent { get; init; } = 75;
    public SlaBreachAction OnBreach { get; init; } = new();
    public IReadOnlyList<LeadState> PausingStages { get; init; } = [];
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

    [JsonIgnore]
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
