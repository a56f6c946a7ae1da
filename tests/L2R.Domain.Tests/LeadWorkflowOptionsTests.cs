using L2R.Domain.Agreements;
using L2R.Domain.Leads;

namespace L2R.Domain.Tests;

public class LeadWorkflowOptionsTests
{
    [Theory]
    [InlineData(LeadState.Raw, new[] { LeadTrigger.Score, LeadTrigger.Disqualify })]
    [InlineData(LeadState.Scored, new[] { LeadTrigger.Qualify, LeadTrigger.Disqualify })]
    [InlineData(LeadState.MQL, new[] { LeadTrigger.Accept, LeadTrigger.Reject, LeadTrigger.Disqualify })]
    [InlineData(LeadState.SalesAccepted, new[] { LeadTrigger.QualifyForSales, LeadTrigger.Recycle, LeadTrigger.Disqualify })]
    [InlineData(LeadState.SQL, new[] { LeadTrigger.Recycle, LeadTrigger.Convert, LeadTrigger.Disqualify })]
    [InlineData(LeadState.Opportunity, new[] { LeadTrigger.Win, LeadTrigger.Lose, LeadTrigger.Disqualify })]
    [InlineData(LeadState.Nurture, new[] { LeadTrigger.Reengage, LeadTrigger.Disqualify })]
    [InlineData(LeadState.Won, new LeadTrigger[0])]
    [InlineData(LeadState.Lost, new[] { LeadTrigger.Reopen })]
    [InlineData(LeadState.Disqualified, new[] { LeadTrigger.Reopen })]
    public void Options_ListEveryTriggerDefinedFromTheState(LeadState state, LeadTrigger[] triggers)
    {
        var options = LeadBuilder.Empty().InState(state).Workflow().Options();

        Assert.Equal(triggers.Order(), options.Select(o => o.Trigger).Order());
        Assert.All(options, o => Assert.Equal(LeadWorkflow.TargetOf(o.Trigger), o.To));
    }

    [Fact]
    public void Options_FromMqlForSales_DescribeTargetsRolesReasonsAndCriteria()
    {
        var agreement = DefaultAgreement.Create();
        var options = LeadBuilder.Empty().InState(LeadState.MQL).Workflow(Actors.Sales).Options().ToDictionary(o => o.Trigger);

        var accept = options[LeadTrigger.Accept];
        Assert.Equal(LeadState.SalesAccepted, accept.To);
        Assert.True(accept.RoleAllowed);
        Assert.False(accept.AutoAdvance);
        Assert.Equal(ReasonListKind.None, accept.ReasonList);
        Assert.Empty(accept.Reasons);
        var phone = Assert.Single(accept.Criteria);
        Assert.Equal("sal-phone", phone.Id);
        Assert.False(phone.Passed);
        Assert.False(accept.CriteriaMet);

        var reject = options[LeadTrigger.Reject];
        Assert.Equal(LeadState.Nurture, reject.To);
        Assert.True(reject.RoleAllowed);
        Assert.Equal(ReasonListKind.Reject, reject.ReasonList);
        Assert.Equal(agreement.Reasons.Reject, reject.Reasons);
        Assert.Empty(reject.Criteria);
        Assert.True(reject.CriteriaMet);

        var disqualify = options[LeadTrigger.Disqualify];
        Assert.Equal(LeadState.Disqualified, disqualify.To);
        Assert.True(disqualify.RoleAllowed);
        Assert.Equal(ReasonListKind.Disqualify, disqualify.ReasonList);
        Assert.Equal(agreement.Reasons.Disqualify, disqualify.Reasons);
    }

    [Fact]
    public void Options_FromRawForSales_ScoreIsNotRoleAllowedButAutoAdvance()
    {
        var options = LeadBuilder.Empty().Workflow(Actors.Sales).Options().ToDictionary(o => o.Trigger);

        Assert.False(options[LeadTrigger.Score].RoleAllowed);
        Assert.True(options[LeadTrigger.Score].AutoAdvance);
        Assert.True(options[LeadTrigger.Disqualify].RoleAllowed);
    }

    [Fact]
    public void Options_ForSystem_OnlyAutoAdvanceTriggersAreRoleAllowed()
    {
        var options = LeadBuilder.Empty().Workflow(Actor.System).Options().ToDictionary(o => o.Trigger);

        Assert.True(options[LeadTrigger.Score].RoleAllowed);
        Assert.False(options[LeadTrigger.Disqualify].RoleAllowed);
    }

    [Theory]
    [InlineData(LeadState.SalesAccepted, LeadTrigger.Recycle, ReasonListKind.Recycle)]
    [InlineData(LeadState.SQL, LeadTrigger.Recycle, ReasonListKind.Recycle)]
    [InlineData(LeadState.Opportunity, LeadTrigger.Lose, ReasonListKind.Loss)]
    [InlineData(LeadState.Lost, LeadTrigger.Reopen, ReasonListKind.Reopen)]
    [InlineData(LeadState.Disqualified, LeadTrigger.Reopen, ReasonListKind.Reopen)]
    public void Options_ReasonRequiringTrigger_CarriesTheAgreementsReasons(LeadState state, LeadTrigger trigger, ReasonListKind list)
    {
        var agreement = DefaultAgreement.Create();
        var option = Assert.Single(LeadBuilder.Empty().InState(state).Workflow(Actors.Sales, agreement).Options(), o => o.Trigger == trigger);

        Assert.Equal(list, option.ReasonList);
        Assert.NotEmpty(option.Reasons);
        Assert.Equal(agreement.ReasonsFor(trigger), option.Reasons);
    }

    [Theory]
    [InlineData(LeadState.Raw)]
    [InlineData(LeadState.Scored)]
    [InlineData(LeadState.SalesAccepted)]
    [InlineData(LeadState.SQL)]
    [InlineData(LeadState.Opportunity)]
    [InlineData(LeadState.Nurture)]
    public void Options_CriteriaMatchEvaluateAndCanFire(LeadState state)
    {
        var workflow = LeadBuilder.Ready(state).With(l => l.Budget = false).Workflow(Actors.Sales);

        foreach (var option in workflow.Options())
        {
            Assert.Equal(workflow.Evaluate(option.Trigger), option.Criteria);
            Assert.Equal(workflow.CanFire(option.Trigger, out _), option.CriteriaMet);
        }
    }

    /// <summary>Automatic moves and the simulation ask <see cref="LeadWorkflow.GuardHolds"/>; it must answer what Stateless would.</summary>
    [Theory]
    [InlineData(LeadState.Raw)]
    [InlineData(LeadState.Scored)]
    [InlineData(LeadState.MQL)]
    [InlineData(LeadState.SalesAccepted)]
    [InlineData(LeadState.SQL)]
    [InlineData(LeadState.Opportunity)]
    [InlineData(LeadState.Nurture)]
    [InlineData(LeadState.Lost)]
    [InlineData(LeadState.Disqualified)]
    public void GuardHolds_AgreesWithStatelessCanFire_ForEveryTriggerFromTheState(LeadState state)
    {
        var leads = new[]
        {
            LeadBuilder.Empty().InState(state),
            LeadBuilder.Ready(state),
            LeadBuilder.Ready(state).With(l => l.Budget = false).WithScores(35, 10),
            LeadBuilder.Ready(state).InState(state, enteredDaysAgo: 3).WithoutActivities(),
        };

        foreach (var lead in leads)
        {
            foreach (var actor in new[] { Actor.System, Actors.Sales })
            {
                var workflow = lead.Workflow(actor);
                foreach (var definition in LeadWorkflow.Definitions.Where(d => d.From.Contains(state)))
                {
                    Assert.Equal(workflow.CanFire(definition.Trigger, out _), workflow.GuardHolds(definition.Trigger));
                }
            }
        }
    }

    [Fact]
    public void Options_WhenGuardHolds_CriteriaMetWithEachEvaluation()
    {
        var option = Assert.Single(
            LeadBuilder.Ready(LeadState.Scored).Workflow(Actors.Marketing).Options(),
            o => o.Trigger == LeadTrigger.Qualify);

        Assert.True(option.CriteriaMet);
        Assert.True(option.RoleAllowed);
        Assert.Equal(["mql-fit", "mql-engagement", "mql-recent"], option.Criteria.Select(c => c.Id));
    }

    [Fact]
    public void ToMermaid_MentionsEveryStateAndGuardDescriptions()
    {
        var mermaid = LeadBuilder.Empty().Workflow().ToMermaid();

        Assert.StartsWith("stateDiagram", mermaid);
        Assert.All(Enum.GetValues<LeadState>(), s => Assert.Contains(s.ToString(), mermaid));
        Assert.Contains("Scored --> MQL : Qualify", mermaid);
        Assert.Contains("Fit score at least 30", mermaid);
        Assert.Contains("Email address is valid", mermaid);
        Assert.Contains("Lost --> Nurture : Reopen", mermaid);
    }

    [Fact]
    public void ToMermaid_ShowsTheAgreementsOwnWording()
    {
        var agreement = DefaultAgreement.Create().WithCriteria(
            LeadTrigger.Convert,
            new NumberAtLeastCriterion { Id = "opp-big", Field = "amount", Value = 10_000, Description = "Deal worth at least 10k" });

        var mermaid = LeadBuilder.Empty().Workflow(agreement: agreement).ToMermaid();

        Assert.Contains("Deal worth at least 10k", mermaid);
        Assert.DoesNotContain("Opportunity amount is set", mermaid);
    }
}
