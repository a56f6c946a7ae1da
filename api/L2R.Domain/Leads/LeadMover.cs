using L2R.Domain.Agreements;
using L2R.Domain.Routing;
using L2R.Domain.Scoring;

namespace L2R.Domain.Leads;

/// <summary>What a person (or integration) asks of a lead: fire a trigger, with a reason where the agreement needs one.</summary>
public sealed record MoveRequest(LeadTrigger Trigger, string? ReasonCode = null, string? Note = null, int? ExpectedVersion = null);

/// <summary>Why a move was refused, in the order the mover checks (role, defined move, version, reason, guard).</summary>
public enum MoveRefusalKind
{
    RoleMayNot,
    NotAMoveFromState,
    StaleVersion,
    ReasonMissing,
    ReasonUnknown,
    GuardUnmet,
}

public sealed record MoveRefusal(MoveRefusalKind Kind, string Message, IReadOnlyList<CriterionEvaluation> Unmet);

/// <summary>One lead after the mover: the history entries it wrote (the move asked for and every automatic move after it), or why it refused.</summary>
public sealed record MoveOutcome(Lead Lead, MoveRefusal? Refusal, IReadOnlyList<LeadTransition> Transitions)
{
    public bool Moved => Refusal is null;
}

/// <summary>
/// The one place a lead changes stage, for every path (board, REST, edits and activities, the sweep, activation,
/// import, the demo seeder), one lead at a time or many. It scores the lead as of the facts' instant, checks a
/// requested move in the order STYLE.md gives (role 403 → defined move 409 → version 412 → reason 400 → guard 422;
/// "not found" is the caller's, before it loads facts), fires it, records every criterion's evaluation, then carries
/// the lead on through the agreement's automatic moves to a fixpoint. The batch forms make the same decisions as the
/// single forms because they are the single forms applied to each lead: the callers differ only in how they load and
/// write. A mover serves one command (it is not thread-safe): its automatic moves reuse one state machine from lead to
/// lead, since building the machine costs more than judging a lead with it.
/// With a <see cref="RoutingState"/>, a lead entering the agreement's routing stage is assigned in the same move (the
/// decision recorded with its reason), and an owned MQL is decided on only by its owner, their team lead or an admin.
/// </summary>
public sealed class LeadMover(LeadAgreement agreement, int agreementVersion, RoutingState? routing = null)
{
    private LeadWorkflow? _system;
    private readonly LeadRouter? _router = routing is null || agreement.Routing.IsOff
        ? null
        : new LeadRouter(agreement.Routing, agreement.Slas.Effective(), routing);

    /// <summary>A guard against an agreement whose automatic moves cycle (Reengage ↔ a recycle that auto-fires).</summary>
    public const int MaxAutomaticMoves = 10;

    public LeadAgreement Agreement => agreement;

    public int AgreementVersion => agreementVersion;

    /// <summary>
    /// Records a new lead's entry into its first stage, then lets it advance as far as the agreement allows. A lead a CSV
    /// import brings in names the run on its creation entry, so its history says where it came from.
    /// </summary>
    public IReadOnlyList<LeadTransition> Create(LeadFacts facts, Actor actor, Guid? importRunId = null)
    {
        var lead = facts.Lead;
        lead.StageEnteredAt = facts.Now;
        Refresh(facts);
        var created = Entry(lead, actor, facts.Now, HistoryEntryKind.Created);
        created.ImportRunId = importRunId;
        return Numbered([created, .. AutoAdvance(facts)]);
    }

    public IReadOnlyList<IReadOnlyList<LeadTransition>> CreateMany(IEnumerable<LeadFacts> leads, Actor actor, Guid? importRunId = null) =>
        leads.Select(facts => Create(facts, actor, importRunId)).ToList();

    /// <summary>
    /// Records that <paramref name="absorbedLeadId"/> was merged into the surviving lead (its activities are in the
    /// facts now), then re-scores the survivor and makes every automatic move that now holds. The survivor keeps its stage.
    /// </summary>
    public IReadOnlyList<LeadTransition> Merge(LeadFacts survivor, Guid absorbedLeadId, Actor actor, string? note)
    {
        var lead = survivor.Lead;
        Rescore(survivor);
        lead.UpdatedAt = survivor.Now;
        var merged = Entry(lead, actor, survivor.Now, HistoryEntryKind.Merged);
        merged.From = lead.State;
        merged.MergedLeadId = absorbedLeadId;
        merged.Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        return Numbered([merged, .. AutoAdvance(survivor)]);
    }

    /// <summary>Fires <paramref name="request"/> for <paramref name="actor"/>, or explains why not without changing the lead.</summary>
    public MoveOutcome Fire(LeadFacts facts, Actor actor, MoveRequest request)
    {
        var lead = facts.Lead;
        Refresh(facts);
        var workflow = new LeadWorkflow(agreement, facts, actor);
        if (Check(workflow, actor, request, out var reason) is { } refusal)
        {
            return new MoveOutcome(lead, refusal, []);
        }

        var transition = Move(workflow, facts, actor, request.Trigger, reason, request.Note);
        return new MoveOutcome(lead, null, Numbered([transition, .. AutoAdvance(facts)]));
    }

    public IReadOnlyList<MoveOutcome> FireMany(IEnumerable<LeadFacts> leads, Actor actor, MoveRequest request) =>
        leads.Select(facts => Fire(facts, actor, request)).ToList();

    /// <summary>Re-scores a lead whose data, activities, agreement or age changed, and makes every automatic move that now holds.</summary>
    public IReadOnlyList<LeadTransition> Advance(LeadFacts facts)
    {
        Refresh(facts);
        return Numbered(AutoAdvance(facts));
    }

    public IReadOnlyList<LeadTransition> AdvanceMany(IEnumerable<LeadFacts> leads) =>
        leads.SelectMany(Advance).ToList();

    /// <summary>The workflow as the lead stands now, scored as of the facts' instant: what the board and the lead page offer.</summary>
    public LeadWorkflow Evaluate(LeadFacts facts, Actor actor)
    {
        Refresh(facts);
        return new LeadWorkflow(agreement, facts, actor);
    }

    /// <summary>
    /// <see cref="Evaluate"/> for the system, on the mover's own machine: valid until the mover's next call, for a
    /// caller that judges many leads in a row (the simulation).
    /// </summary>
    internal LeadWorkflow EvaluateAsSystem(LeadFacts facts)
    {
        Refresh(facts);
        return SystemWorkflow(facts);
    }

    private MoveRefusal? Check(LeadWorkflow workflow, Actor actor, MoveRequest request, out Reason? reason)
    {
        reason = null;
        var lead = workflow.Lead;
        var trigger = request.Trigger;
        if (!workflow.MayFire(trigger))
        {
            return Refuse(MoveRefusalKind.RoleMayNot, actor.Kind switch
            {
                ActorKind.System => $"{trigger} is not an automatic move in this agreement.",
                ActorKind.Integration => $"Agreement version {agreementVersion} does not let integrations {trigger} leads.",
                _ => $"Your role may not {trigger} leads under agreement version {agreementVersion}.",
            });
        }

        if (MayNotDecide(lead, actor, trigger) is { } owner)
        {
            return Refuse(MoveRefusalKind.RoleMayNot,
                $"This MQL belongs to {owner}: only its owner, their team lead or an admin may {trigger.ToString().ToLowerInvariant()} it.");
        }

        if (!LeadWorkflow.IsDefinedFrom(lead.State, trigger))
        {
            return Refuse(MoveRefusalKind.NotAMoveFromState, $"{trigger} is not a move from {lead.State}.");
        }

        if (request.ExpectedVersion is { } expected && expected != lead.Version)
        {
            return Refuse(MoveRefusalKind.StaleVersion, $"The lead is at version {lead.Version}, not {expected}; reload it and try again.");
        }

        if (LeadWorkflow.ReasonListOf(trigger) != ReasonListKind.None)
        {
            var reasons = agreement.ReasonsFor(trigger);
            var codes = string.Join(", ", reasons.Select(r => r.Code));
            if (string.IsNullOrWhiteSpace(request.ReasonCode))
            {
                return Refuse(MoveRefusalKind.ReasonMissing, $"{trigger} needs a reason: one of {codes}.");
            }

            reason = reasons.FirstOrDefault(r => string.Equals(r.Code, request.ReasonCode.Trim(), StringComparison.OrdinalIgnoreCase));
            if (reason is null)
            {
                return Refuse(MoveRefusalKind.ReasonUnknown, $"\"{request.ReasonCode}\" is not a {trigger} reason in agreement version {agreementVersion}; use one of {codes}.");
            }
        }

        if (!workflow.CanFire(trigger, out _))
        {
            var unmet = workflow.Evaluate(trigger).Where(e => !e.Passed).ToList();
            return new MoveRefusal(
                MoveRefusalKind.GuardUnmet,
                $"{trigger} needs: {string.Join("; ", unmet.Select(e => $"{e.Description} ({e.Actual})"))}.",
                unmet);
        }

        return null;
    }

    /// <summary>Whether <paramref name="actor"/> may make this decision on the lead as far as its ownership goes (what the board offers).</summary>
    public bool MayDecide(Lead lead, Actor actor, LeadTrigger trigger) => MayNotDecide(lead, actor, trigger) is null;

    /// <summary>
    /// The owner's name when <paramref name="actor"/> may not accept or reject this owned MQL; null when they may. The
    /// rule is between people: the system, and an integration the agreement lets make the move, are not held to it.
    /// </summary>
    private string? MayNotDecide(Lead lead, Actor actor, LeadTrigger trigger)
    {
        if (trigger is not (LeadTrigger.Accept or LeadTrigger.Reject) || lead.State != LeadState.MQL || lead.OwnerId is not { } owner
            || actor.Kind != ActorKind.User || actor.UserId == owner || actor.Roles.HasFlag(Roles.Admin)
            || (actor.UserId is not null && routing?.TeamOf(lead.TeamId)?.LeadUserId == actor.UserId))
        {
            return null;
        }

        return routing?.NameOf(owner) ?? "another user";
    }

    /// <summary>
    /// A lead entering the routing stage gets the member routing chooses, or waits in the team's queue; leaving the
    /// stage takes it out of any queue. A person who moves a lead they (or someone) already own into the stage keeps
    /// that owner; the system's moves (a recycled lead coming back) are always routed afresh.
    /// </summary>
    private void RouteOnEntry(LeadFacts facts, Actor actor, LeadState from)
    {
        var lead = facts.Lead;
        var stage = agreement.Routing.AssignOnEntry;
        if (from == stage && lead.State != stage)
        {
            lead.QueuedAt = null;
        }

        if (_router is null || lead.State != stage || from == stage || (!actor.IsSystem && lead.OwnerId is not null))
        {
            return;
        }

        if (_router.Route(facts) is { } decision)
        {
            Assign(lead, decision, AssignmentKind.Routed, facts.Now, "");
        }
    }

    /// <summary>
    /// Gives a lead waiting in its team's queue to a member who now has capacity; null when it must wait on (nothing
    /// changes). The routing state collects the assignment.
    /// </summary>
    public LeadAssignment? AssignWaiting(LeadFacts facts)
    {
        var lead = facts.Lead;
        if (_router is null || lead.QueuedAt is null || lead.OwnerId is not null || lead.State != agreement.Routing.AssignOnEntry
            || _router.Route(facts) is not { AssigneeId: not null } decision)
        {
            return null;
        }

        return Assign(lead, decision, AssignmentKind.Routed, facts.Now, "From the queue: ");
    }

    /// <summary>After a missed SLA: the lead goes to the next member of its team who never had it; null when there is none.</summary>
    public LeadAssignment? Reassign(LeadFacts facts, IReadOnlySet<Guid> hadTheLead)
    {
        if (_router is null || _router.Reassign(facts, hadTheLead) is not { } decision)
        {
            return null;
        }

        return Assign(facts.Lead, decision, AssignmentKind.Reassigned, facts.Now, "SLA missed, reassigned: ");
    }

    private LeadAssignment Assign(Lead lead, RoutingDecision decision, AssignmentKind kind, DateTime now, string prefix)
    {
        var previous = lead.OwnerId;
        lead.OwnerId = decision.AssigneeId;
        lead.TeamId = decision.TeamId;
        lead.QueuedAt = decision.AssigneeId is null ? now : null;
        lead.UpdatedAt = now;
        var assignment = new LeadAssignment
        {
            TenantId = lead.TenantId,
            LeadId = lead.Id,
            Kind = decision.AssigneeId is null ? AssignmentKind.Queued : kind,
            TeamId = decision.TeamId,
            UserId = decision.AssigneeId,
            PreviousOwnerId = previous,
            Reason = prefix + decision.Reason,
            MissesSla = decision.MissesSla,
            DueAt = decision.DueAt,
            OccurredAt = now,
            AgreementVersion = agreementVersion,
        };
        routing!.Record(assignment);
        return assignment;
    }

    private static List<LeadTransition> Numbered(List<LeadTransition> entries)
    {
        for (var step = 0; step < entries.Count; step++)
        {
            entries[step].Step = step;
        }

        return entries;
    }

    private static MoveRefusal Refuse(MoveRefusalKind kind, string message) => new(kind, message, []);

    private List<LeadTransition> AutoAdvance(LeadFacts facts)
    {
        var moves = new List<LeadTransition>();
        if (!LeadWorkflow.HasAutoAdvanceFrom(facts.Lead.State, agreement))
        {
            return moves;
        }

        // One machine follows the lead from move to move: it reads the state through the lead.
        var workflow = SystemWorkflow(facts);
        while (moves.Count < MaxAutomaticMoves && workflow.NextAutoAdvance() is { } trigger)
        {
            moves.Add(Move(workflow, facts, Actor.System, trigger, reason: null, note: null));
            Refresh(facts);
        }

        return moves;
    }

    private LeadWorkflow SystemWorkflow(LeadFacts facts)
    {
        if (_system is null)
        {
            return _system = new LeadWorkflow(agreement, facts, Actor.System);
        }

        _system.Rebind(facts);
        return _system;
    }

    private LeadTransition Move(LeadWorkflow workflow, LeadFacts facts, Actor actor, LeadTrigger trigger, Reason? reason, string? note)
    {
        var lead = workflow.Lead;
        var now = facts.Now;
        var from = lead.State;
        var evaluations = workflow.Evaluate(trigger);
        workflow.Fire(trigger, now);
        lead.UpdatedAt = now;
        RouteOnEntry(facts, actor, from);
        var transition = Entry(lead, actor, now, HistoryEntryKind.Moved);
        transition.From = from;
        transition.Trigger = trigger;
        transition.ReasonCode = reason?.Code;
        transition.ReasonLabel = reason?.Label;
        transition.Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        transition.Criteria = evaluations.ToList();
        return transition;
    }

    private LeadTransition Entry(Lead lead, Actor actor, DateTime now, HistoryEntryKind kind) => new()
    {
        Kind = kind,
        TenantId = lead.TenantId,
        LeadId = lead.Id,
        To = lead.State,
        ActorKind = actor.Kind,
        ActorUserId = actor.UserId,
        OwnerId = lead.OwnerId,
        ActorClientId = actor.ClientId,
        OccurredAt = now,
        AgreementVersion = agreementVersion,
    };

    /// <summary>
    /// Scores the lead as of the facts' instant (decay applied to that moment) and stores it on the lead, so guards,
    /// traces, the lead page and the breakdown all read one computation, never a stale cache.
    /// </summary>
    public ScoreBreakdown Rescore(LeadFacts facts)
    {
        var score = ScoreCalculator.Compute(agreement.Scoring, facts);
        Store(facts, score.Fit, score.Engagement);
        return score;
    }

    /// <summary><see cref="Rescore"/> without the breakdown, which only the lead page shows.</summary>
    private void Refresh(LeadFacts facts)
    {
        var (fit, engagement) = ScoreCalculator.Totals(agreement.Scoring, facts);
        Store(facts, fit, engagement);
    }

    private void Store(LeadFacts facts, int fit, int engagement)
    {
        facts.Lead.ApplyScore(fit, engagement, facts.Now);
        facts.Lead.AgreementVersion = agreementVersion;
    }
}
