using L2R.Domain.Agreements;
using Stateless;
using Stateless.Graph;

namespace L2R.Domain.Leads;

public sealed record TransitionDefinition(LeadTrigger Trigger, IReadOnlyList<LeadState> From, LeadState To);

/// <summary>A trigger available from the lead's current state, with whether this actor may fire it and how its guard evaluates now.</summary>
public sealed record TransitionOption(
    LeadTrigger Trigger,
    LeadState To,
    bool RoleAllowed,
    bool AutoAdvance,
    ReasonListKind ReasonList,
    IReadOnlyList<Reason> Reasons,
    IReadOnlyList<CriterionEvaluation> Criteria)
{
    public bool CriteriaMet => Criteria.All(c => c.Passed);
}

/// <summary>
/// Who fires a trigger: a user with roles, the system, which has no roles but may fire the agreement's auto-advance
/// triggers, or an integration (an API client), which has no roles and may fire the triggers the agreement opens to
/// integrations. Only <see cref="LeadMover"/> moves a lead as the system; no request can ask to.
/// </summary>
public sealed record Actor
{
    private Actor(ActorKind kind, Guid? userId, Guid? clientId, Roles roles) => (Kind, UserId, ClientId, Roles) = (kind, userId, clientId, roles);

    public static Actor System { get; } = new(ActorKind.System, null, null, Roles.None);

    public ActorKind Kind { get; }
    public Guid? UserId { get; }
    public Guid? ClientId { get; }
    public Roles Roles { get; }
    public bool IsSystem => Kind == ActorKind.System;

    public static Actor User(Guid userId, Roles roles) => new(ActorKind.User, userId, null, roles);

    public static Actor Integration(Guid clientId) => new(ActorKind.Integration, null, clientId, Roles.None);
}

/// <summary>
/// The lead's state machine, built with Stateless from one agreement for one lead and one actor. Not thread-safe:
/// make one per command. Building it costs more than judging a lead with it, so the mover's batch forms build one and
/// <see cref="Rebind"/> it from lead to lead (it reads the state and every guard through the facts it is bound to).
/// </summary>
public sealed class LeadWorkflow
{
    public static readonly IReadOnlyList<TransitionDefinition> Definitions = BuildDefinitions();

    private readonly LeadAgreement _agreement;
    private readonly Actor _actor;
    private readonly StateMachine<LeadState, LeadTrigger> _machine;
    private readonly Dictionary<Criterion, CriterionEvaluation> _evaluations = new(ReferenceEqualityComparer.Instance);

    private LeadFacts _facts;

    public LeadWorkflow(LeadAgreement agreement, LeadFacts facts, Actor actor)
    {
        _agreement = agreement;
        _facts = facts;
        _actor = actor;
        _machine = new StateMachine<LeadState, LeadTrigger>(() => _facts.Lead.State, state => _facts.Lead.State = state);
        Configure();
    }

    public Lead Lead => _facts.Lead;

    public static ReasonListKind ReasonListOf(LeadTrigger trigger) => trigger switch
    {
        LeadTrigger.Reject => ReasonListKind.Reject,
        LeadTrigger.Recycle => ReasonListKind.Recycle,
        LeadTrigger.Lose => ReasonListKind.Loss,
        LeadTrigger.Disqualify => ReasonListKind.Disqualify,
        LeadTrigger.Reopen => ReasonListKind.Reopen,
        _ => ReasonListKind.None,
    };

    public static bool IsDefinedFrom(LeadState state, LeadTrigger trigger) =>
        Definitions.Any(d => d.Trigger == trigger && d.From.Contains(state));

    /// <summary>Whether the agreement lets the system move a lead on from <paramref name="state"/> at all.</summary>
    public static bool HasAutoAdvanceFrom(LeadState state, LeadAgreement agreement) =>
        Definitions.Any(d => d.From.Contains(state) && agreement.RuleFor(d.Trigger).AutoAdvance);

    public static LeadState TargetOf(LeadTrigger trigger) => Definitions.First(d => d.Trigger == trigger).To;

    /// <summary>Every trigger defined from the current state, whether or not its guard holds now.</summary>
    public IReadOnlyList<TransitionOption> Options() =>
        Definitions
            .Where(d => d.From.Contains(Lead.State))
            .Select(d =>
            {
                var rule = _agreement.RuleFor(d.Trigger);
                return new TransitionOption(
                    d.Trigger,
                    d.To,
                    MayFire(rule),
                    rule.AutoAdvance,
                    ReasonListOf(d.Trigger),
                    _agreement.ReasonsFor(d.Trigger),
                    Evaluate(rule));
            })
            .ToList();

    /// <summary>Judges another lead (or the same one with new facts) with this machine, as if it had been built for it.</summary>
    internal void Rebind(LeadFacts facts)
    {
        _facts = facts;
        _evaluations.Clear();
    }

    public bool MayFire(LeadTrigger trigger) => MayFire(_agreement.RuleFor(trigger));

    public IReadOnlyList<CriterionEvaluation> Evaluate(LeadTrigger trigger) => Evaluate(_agreement.RuleFor(trigger));

    /// <summary>Stateless checks every guard; the unmet descriptions it reports match the agreement's wording.</summary>
    public bool CanFire(LeadTrigger trigger, out ICollection<string> unmetDescriptions)
    {
        var canFire = _machine.CanFire(trigger, out var unmet);

        // Stateless reports no list (null) for a trigger the current state does not know.
        unmetDescriptions = unmet ?? [];
        return canFire;
    }

    /// <summary>
    /// Whether the agreement's guard of <paramref name="trigger"/> holds now: for a trigger defined from the current state,
    /// what Stateless's <c>CanFire</c> answers (the machine permits it exactly when every criterion holds), without the
    /// machine's own bookkeeping, which costs more than the criteria when a batch asks it of every lead. Firing still goes
    /// through Stateless, which checks the guards again.
    /// </summary>
    public bool GuardHolds(LeadTrigger trigger)
    {
        foreach (var criterion in _agreement.RuleFor(trigger).Criteria)
        {
            if (!Holds(criterion))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The auto-advance trigger that may fire by itself now, if any (at most one is ever defined per state).</summary>
    public LeadTrigger? NextAutoAdvance()
    {
        foreach (var definition in Definitions)
        {
            if (definition.From.Contains(Lead.State) && _agreement.RuleFor(definition.Trigger).AutoAdvance && GuardHolds(definition.Trigger))
            {
                return definition.Trigger;
            }
        }

        return null;
    }

    /// <summary>Moves the lead; callers check role, reason and guard first so every refusal is explained.</summary>
    public void Fire(LeadTrigger trigger, DateTime now)
    {
        _machine.Fire(trigger);
        Lead.StageEnteredAt = now;
        _evaluations.Clear();
    }

    public string ToMermaid() => MermaidGraph.Format(_machine.GetInfo());

    private bool MayFire(TransitionRule rule) => _actor.Kind switch
    {
        ActorKind.System => rule.AutoAdvance,
        ActorKind.Integration => rule.IntegrationMayFire,
        _ => rule.Roles.Any(r => _actor.Roles.HasFlag(RoleSet.ToFlag(r))),
    };

    private IReadOnlyList<CriterionEvaluation> Evaluate(TransitionRule rule) => rule.Criteria.Select(EvaluateOnce).ToList();

    /// <summary>A guard's verdict: the recorded evaluation where there is one, so a trace never disagrees with the guard it explains.</summary>
    private bool Holds(Criterion criterion) =>
        _evaluations.TryGetValue(criterion, out var evaluation) ? evaluation.Passed : criterion.Holds(_facts);

    private CriterionEvaluation EvaluateOnce(Criterion criterion)
    {
        if (!_evaluations.TryGetValue(criterion, out var evaluation))
        {
            evaluation = criterion.Evaluate(_facts);
            _evaluations[criterion] = evaluation;
        }

        return evaluation;
    }

    private void Configure()
    {
        foreach (var definition in Definitions)
        {
            var rule = _agreement.RuleFor(definition.Trigger);
            var guards = rule.Criteria
                .Select(c => new Tuple<Func<bool>, string>(() => Holds(c), c.Description))
                .ToArray();
            foreach (var from in definition.From)
            {
                var state = _machine.Configure(from);
                if (guards.Length == 0)
                {
                    state.Permit(definition.Trigger, definition.To);
                }
                else
                {
                    state.PermitIf(definition.Trigger, definition.To, guards);
                }
            }
        }

        _machine.Configure(LeadState.SalesAccepted)
            .OnEntryFrom(LeadTrigger.Accept, () => Lead.OwnerId ??= _actor.UserId, "the accepting user becomes the owner when there is none");
    }

    private static List<TransitionDefinition> BuildDefinitions()
    {
        var open = LeadStates.All.Where(s => s.IsOpen()).ToList();
        return
        [
            new(LeadTrigger.Score, [LeadState.Raw], LeadState.Scored),
            new(LeadTrigger.Qualify, [LeadState.Scored], LeadState.MQL),
            new(LeadTrigger.Accept, [LeadState.MQL], LeadState.SalesAccepted),
            new(LeadTrigger.Reject, [LeadState.MQL], LeadState.Nurture),
            new(LeadTrigger.QualifyForSales, [LeadState.SalesAccepted], LeadState.SQL),
            new(LeadTrigger.Recycle, [LeadState.SalesAccepted, LeadState.SQL], LeadState.Nurture),
            new(LeadTrigger.Convert, [LeadState.SQL], LeadState.Opportunity),
            new(LeadTrigger.Win, [LeadState.Opportunity], LeadState.Won),
            new(LeadTrigger.Lose, [LeadState.Opportunity], LeadState.Lost),
            new(LeadTrigger.Reengage, [LeadState.Nurture], LeadState.Scored),
            new(LeadTrigger.Disqualify, open, LeadState.Disqualified),
            new(LeadTrigger.Reopen, [LeadState.Disqualified, LeadState.Lost], LeadState.Nurture),
        ];
    }
}
