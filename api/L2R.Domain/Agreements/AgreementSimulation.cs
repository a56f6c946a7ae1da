using L2R.Domain.Leads;

namespace L2R.Domain.Agreements;

/// <summary>How one trigger's guard judges a lead under the active agreement and under a draft.</summary>
public sealed record GuardComparison(LeadTrigger Trigger, bool PassesNow, bool PassesDraft);

/// <summary>What a draft would do to one lead: its guards compared, and the automatic moves activation would make.</summary>
public sealed record LeadProjection(LeadState From, LeadState To, IReadOnlyList<LeadTrigger> Moves, IReadOnlyList<GuardComparison> Guards);

/// <summary>
/// Evaluates a draft against a lead without changing it. Activation runs the same mover for real (re-score with the
/// new model, then auto-advance to a fixpoint), so the projection predicts exactly what activation moves.
/// </summary>
public static class AgreementSimulation
{
    public static LeadProjection Project(LeadAgreement current, LeadAgreement draft, Lead lead, IReadOnlyList<ActivityFact> activities, DateTime now)
    {
        var currentWorkflow = new LeadMover(current, 0).Evaluate(new LeadFacts(lead.Copy(), activities, now), Actor.System);
        var draftMover = new LeadMover(draft, 0);
        var underDraft = new LeadFacts(lead.Copy(), activities, now);
        var draftWorkflow = draftMover.Evaluate(underDraft, Actor.System);
        var guards = LeadWorkflow.Definitions
            .Where(d => d.From.Contains(lead.State))
            .Select(d => new GuardComparison(d.Trigger, currentWorkflow.CanFire(d.Trigger, out _), draftWorkflow.CanFire(d.Trigger, out _)))
            .ToList();
        var moves = draftMover.Advance(underDraft).Select(t => t.Trigger!.Value).ToList();
        return new LeadProjection(lead.State, underDraft.Lead.State, moves, guards);
    }
}
