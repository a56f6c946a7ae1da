using System.Text.Json;
using L2R.Domain.Agreements;
using L2R.Domain.Leads;

namespace L2R.Bench.Scenarios;

/// <summary>
/// The S1 tenant's agreement: the default one, changed so a lead can cycle MQL → Reject → Nurture → Reengage → Scored →
/// Qualify → MQL for ever, each move checked against real criteria. Qualify and Reengage are manual (one request is
/// exactly one move, no auto-advance chain) and open to Sales and Marketing; Reengage needs no waiting time, only
/// engagement in the last 14 days. The bench installs it through the agreement API (draft, two sign-offs, activation).
/// </summary>
public static class BenchAgreement
{
    public static LeadAgreement Create()
    {
        var agreement = DefaultAgreement.Create();
        var transitions = agreement.Transitions.Select(rule => rule.Trigger switch
        {
            LeadTrigger.Qualify => rule with { Roles = [Role.Sales, Role.Marketing], AutoAdvance = false },
            LeadTrigger.Reengage => rule with
            {
                Roles = [Role.Sales, Role.Marketing],
                AutoAdvance = false,
                Criteria =
                [
                    new TimeInStageCriterion { Id = "recycle-time", Days = 0, Description = "Any time in nurture" },
                    new ActivityCountCriterion { Id = "recycle-engaged", AtLeast = 1, WithinDays = 14, Description = "New engagement in the last 14 days" },
                ],
            },
            _ => rule,
        }).ToList();
        return agreement with { Transitions = transitions };
    }

    /// <summary>A history row's criteria as large as the API's: every criterion of the move with an evaluation.</summary>
    public static string SampleCriteriaJson(LeadAgreement agreement, LeadTrigger trigger) =>
        JsonSerializer.Serialize(
            agreement.RuleFor(trigger).Criteria.Select(c => new CriterionEvaluation(c.Id, c.Description, true, "fit score 45, needs ≥ 30")).ToList(),
            AgreementJson.Options);

    /// <summary>The trigger that moves a lead one step round the cycle from <paramref name="state"/>.</summary>
    public static LeadTrigger NextTrigger(LeadState state) => state switch
    {
        LeadState.Scored => LeadTrigger.Qualify,
        LeadState.MQL => LeadTrigger.Reject,
        LeadState.Nurture => LeadTrigger.Reengage,
        _ => throw new InvalidOperationException($"A bench lead in {state} is off the cycle."),
    };
}
