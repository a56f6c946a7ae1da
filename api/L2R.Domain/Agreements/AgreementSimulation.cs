using L2R.Domain.Leads;

namespace L2R.Domain.Agreements;

/// <summary>How one trigger's guard judges a lead under the active agreement and under a draft.</summary>
public sealed record GuardComparison(LeadTrigger Trigger, bool PassesNow, bool PassesDraft);

/// <summary>What a draft would do to one lead: its guards compared, and the automatic moves activation would make.</summary>
public sealed record LeadProjection(LeadState From, LeadState To, IReadOnlyList<LeadTrigger> Moves, IReadOnlyList<GuardComparison> Guards);

/// <summary>
/// Evaluates a draft against leads without changing them. Activation runs the same mover for real (re-score with the
/// new model, then auto-advance to a fixpoint), so the projection predicts exactly what activation moves. One
/// simulation judges many leads in a row on the same two movers (and so the same two machines); it is not thread-safe.
/// </summary>
public sealed class AgreementSimulation(LeadAgreement current, LeadAgreement draft)
{
    private readonly LeadMover _current = new(current, 0);
    private readonly LeadMover _draft = new(draft, 0);

    public static LeadProjection Project(LeadAgreement current, LeadAgreement draft, Lead lead, IReadOnlyList<ActivityFact> activities, DateTime now) =>
        new AgreementSimulation(current, draft).Project(lead, activities, now);

    public LeadProjection Project(Lead lead, IReadOnlyList<ActivityFact> activities, DateTime now)
    {
        var currentWorkflow = _current.EvaluateAsSystem(new LeadFacts(lead.Copy(), activities, now));
        var underDraft = new LeadFacts(lead.Copy(), activities, now);
        var draftWorkflow = _draft.EvaluateAsSystem(underDraft);
        var guards = new List<GuardComparison>();
        foreach (var definition in LeadWorkflow.Definitions)
        {
            if (definition.From.Contains(lead.State))
            {
                guards.Add(new GuardComparison(definition.Trigger, currentWorkflow.GuardHolds(definition.Trigger), draftWorkflow.GuardHolds(definition.Trigger)));
            }
        }

        var moves = _draft.Advance(underDraft).Select(t => t.Trigger!.Value).ToList();
        return new LeadProjection(lead.State, underDraft.Lead.State, moves, guards);
    }
}
