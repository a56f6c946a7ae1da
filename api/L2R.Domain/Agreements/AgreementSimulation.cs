using L2R.Domain.Leads;
using L2R.Domain.Scoring;

namespace L2R.Domain.Agreements;

/// <summary>How one trigger's guard judges a lead under the active agreement and under a draft.</summary>
public sealed record GuardComparison(LeadTrigger Trigger, bool PassesNow, bool PassesDraft);

/// <summary>What a draft would do to one lead: its guards compared, and the automatic moves activation would make.</summary>
public sealed record LeadProjection(LeadState From, LeadState To, IReadOnlyList<LeadTrigger> Moves, IReadOnlyList<GuardComparison> Guards);

/// <summary>
/// Evaluates a draft against a lead without changing it. Activation runs the same steps for real (re-score with the
/// new model, then auto-advance to a fixpoint), so the projection predicts exactly what activation moves.
/// </summary>
public static class AgreementSimulation
{
    /// <summary>Mirrors the handlers' cap on automatic moves per lead.</summary>
    public const int MaxMoves = 10;

    public static LeadProjection Project(LeadAgreement current, LeadAgreement draft, Lead lead, IReadOnlyList<ActivityFact> activities, DateTime now)
    {
        var underCurrent = Rescored(current, lead, activities, now);
        var underDraft = Rescored(draft, lead, activities, now);
        var currentWorkflow = new LeadWorkflow(current, underCurrent, Actor.System);
        var draftWorkflow = new LeadWorkflow(draft, underDraft, Actor.System);
        var guards = LeadWorkflow.Definitions
            .Where(d => d.From.Contains(lead.State))
            .Select(d => new GuardComparison(d.Trigger, currentWorkflow.CanFire(d.Trigger, out _), draftWorkflow.CanFire(d.Trigger, out _)))
            .ToList();

        // The machine reads the copy's state through its accessor, so one machine follows the copy from move to move.
        var moves = new List<LeadTrigger>();
        while (moves.Count < MaxMoves && draftWorkflow.NextAutoAdvance() is { } trigger)
        {
            draftWorkflow.Fire(trigger, now);
            moves.Add(trigger);
        }

        return new LeadProjection(lead.State, underDraft.Lead.State, moves, guards);
    }

    private static LeadFacts Rescored(LeadAgreement agreement, Lead lead, IReadOnlyList<ActivityFact> activities, DateTime now)
    {
        var facts = new LeadFacts(lead.Copy(), activities, now);
        facts.Lead.ApplyScore(ScoreCalculator.Compute(agreement.Scoring, facts));
        return facts;
    }
}
