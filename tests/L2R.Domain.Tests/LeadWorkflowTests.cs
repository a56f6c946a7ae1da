using L2R.Domain.Agreements;
using L2R.Domain.Leads;

namespace L2R.Domain.Tests;

public class LeadWorkflowTests
{
    /// <summary>The lifecycle table of PRODUCT.md, one row per (trigger, from, to).</summary>
    public static readonly TheoryData<LeadTrigger, LeadState, LeadState> DefinedTransitions = new()
    {
        { LeadTrigger.Score, LeadState.Raw, LeadState.Scored },
        { LeadTrigger.Qualify, LeadState.Scored, LeadState.MQL },
        { LeadTrigger.Accept, LeadState.MQL, LeadState.SalesAccepted },
        { LeadTrigger.Reject, LeadState.MQL, LeadState.Nurture },
        { LeadTrigger.QualifyForSales, LeadState.SalesAccepted, LeadState.SQL },
        { LeadTrigger.Recycle, LeadState.SalesAccepted, LeadState.Nurture },
        { LeadTrigger.Recycle, LeadState.SQL, LeadState.Nurture },
        { LeadTrigger.Convert, LeadState.SQL, LeadState.Opportunity },
        { LeadTrigger.Win, LeadState.Opportunity, LeadState.Won },
        { LeadTrigger.Lose, LeadState.Opportunity, LeadState.Lost },
        { LeadTrigger.Reengage, LeadState.Nurture, LeadState.Scored },
        { LeadTrigger.Disqualify, LeadState.Raw, LeadState.Disqualified },
        { LeadTrigger.Disqualify, LeadState.Scored, LeadState.Disqualified },
        { LeadTrigger.Disqualify, LeadState.MQL, LeadState.Disqualified },
        { LeadTrigger.Disqualify, LeadState.SalesAccepted, LeadState.Disqualified },
        { LeadTrigger.Disqualify, LeadState.SQL, LeadState.Disqualified },
        { LeadTrigger.Disqualify, LeadState.Opportunity, LeadState.Disqualified },
        { LeadTrigger.Disqualify, LeadState.Nurture, LeadState.Disqualified },
        { LeadTrigger.Reopen, LeadState.Disqualified, LeadState.Nurture },
        { LeadTrigger.Reopen, LeadState.Lost, LeadState.Nurture },
    };

    /// <summary>Every trigger of the default agreement that has criteria, from its (first) source state.</summary>
    public static readonly TheoryData<LeadTrigger, LeadState> GuardedTransitions = new()
    {
        { LeadTrigger.Score, LeadState.Raw },
        { LeadTrigger.Qualify, LeadState.Scored },
        { LeadTrigger.Accept, LeadState.MQL },
        { LeadTrigger.QualifyForSales, LeadState.SalesAccepted },
        { LeadTrigger.Convert, LeadState.SQL },
        { LeadTrigger.Win, LeadState.Opportunity },
        { LeadTrigger.Reengage, LeadState.Nurture },
    };

    public static TheoryData<LeadState, LeadTrigger> UndefinedPairs()
    {
        var data = new TheoryData<LeadState, LeadTrigger>();
        var defined = DefinedTransitions.Select(row => ((LeadTrigger)row[0], (LeadState)row[1])).ToHashSet();
        foreach (var state in Enum.GetValues<LeadState>())
        {
            foreach (var trigger in Enum.GetValues<LeadTrigger>().Where(t => !defined.Contains((t, state))))
            {
                data.Add(state, trigger);
            }
        }

        return data;
    }

    [Fact]
    public void Definitions_MatchTheDocumentedLifecycle()
    {
        var expected = DefinedTransitions.Select(row => ((LeadTrigger)row[0], (LeadState)row[1], (LeadState)row[2])).ToHashSet();
        var actual = LeadWorkflow.Definitions.SelectMany(d => d.From.Select(from => (d.Trigger, from, d.To))).ToHashSet();

        Assert.Equal(expected.OrderBy(x => x), actual.OrderBy(x => x));
    }

    [Fact]
    public void Definitions_DefineEveryTriggerExactlyOnce()
    {
        Assert.Equal(
            Enum.GetValues<LeadTrigger>().OrderBy(t => t),
            LeadWorkflow.Definitions.Select(d => d.Trigger).OrderBy(t => t));
    }

    [Theory]
    [MemberData(nameof(DefinedTransitions))]
    public void Fire_WhenGuardMet_MovesToTargetAndRestartsStageClock(LeadTrigger trigger, LeadState from, LeadState to)
    {
        var workflow = LeadBuilder.Ready(from).Workflow();
        var firedAt = Clock.Now.AddMinutes(5);

        Assert.True(LeadWorkflow.IsDefinedFrom(from, trigger));
        Assert.True(workflow.CanFire(trigger, out var unmet));
        Assert.Empty(unmet);
        Assert.All(workflow.Evaluate(trigger), e => Assert.True(e.Passed, $"{e.Id}: {e.Actual}"));

        workflow.Fire(trigger, firedAt);

        Assert.Equal(to, workflow.Lead.State);
        Assert.Equal(firedAt, workflow.Lead.StageEnteredAt);
    }

    [Theory]
    [MemberData(nameof(GuardedTransitions))]
    public void CanFire_WhenGuardUnmet_ListsTheAgreementsCriterionDescriptions(LeadTrigger trigger, LeadState from)
    {
        var workflow = LeadBuilder.Empty().InState(from).Workflow();
        var rule = DefaultAgreement.Create().RuleFor(trigger);

        Assert.NotEmpty(rule.Criteria);
        Assert.False(workflow.CanFire(trigger, out var unmet));
        Assert.Equal(rule.Criteria.Select(c => c.Description), unmet);
    }

    [Theory]
    [MemberData(nameof(GuardedTransitions))]
    public void Evaluate_WhenGuardUnmet_FailsEachCriterionWithItsIdAndDescription(LeadTrigger trigger, LeadState from)
    {
        var workflow = LeadBuilder.Empty().InState(from).Workflow();
        var rule = DefaultAgreement.Create().RuleFor(trigger);

        var evaluations = workflow.Evaluate(trigger);

        Assert.Equal(rule.Criteria.Select(c => c.Id), evaluations.Select(e => e.Id));
        Assert.Equal(rule.Criteria.Select(c => c.Description), evaluations.Select(e => e.Description));
        Assert.All(evaluations, e => Assert.False(e.Passed));
    }

    [Theory]
    [InlineData(LeadTrigger.Score, LeadState.Raw, new[] { "Email is empty", "Company is empty" })]
    [InlineData(LeadTrigger.Qualify, LeadState.Scored, new[] { "fit score 0, needs ≥ 30", "engagement score 0, needs ≥ 25", "0 × activities in the last 30 days, needs ≥ 1" })]
    [InlineData(LeadTrigger.Accept, LeadState.MQL, new[] { "Phone is empty" })]
    [InlineData(LeadTrigger.QualifyForSales, LeadState.SalesAccepted, new[] { "no owner", "Budget not confirmed", "Authority not confirmed", "Need not confirmed", "Timeline not confirmed" })]
    [InlineData(LeadTrigger.Convert, LeadState.SQL, new[] { "Amount empty, needs ≥ 1", "Expected close date is empty" })]
    [InlineData(LeadTrigger.Win, LeadState.Opportunity, new[] { "Amount empty, needs ≥ 1" })]
    [InlineData(LeadTrigger.Reengage, LeadState.Nurture, new[] { "0 days in stage, needs ≥ 14", "0 × activities in the last 14 days, needs ≥ 1" })]
    public void Evaluate_WhenGuardUnmet_ExplainsWhatEachCriterionSaw(LeadTrigger trigger, LeadState from, string[] actual)
    {
        var workflow = LeadBuilder.Empty().InState(from).Workflow();

        Assert.Equal(actual, workflow.Evaluate(trigger).Select(e => e.Actual));
    }

    [Theory]
    [MemberData(nameof(GuardedTransitions))]
    public void Fire_WhenGuardUnmet_ThrowsAndLeavesLeadUntouched(LeadTrigger trigger, LeadState from)
    {
        var workflow = LeadBuilder.Empty().InState(from, enteredDaysAgo: 3).Workflow();
        var enteredAt = workflow.Lead.StageEnteredAt;

        Assert.Throws<InvalidOperationException>(() => workflow.Fire(trigger, Clock.Now));

        Assert.Equal(from, workflow.Lead.State);
        Assert.Equal(enteredAt, workflow.Lead.StageEnteredAt);
    }

    [Theory]
    [InlineData(LeadTrigger.Reject, LeadState.MQL)]
    [InlineData(LeadTrigger.Recycle, LeadState.SalesAccepted)]
    [InlineData(LeadTrigger.Recycle, LeadState.SQL)]
    [InlineData(LeadTrigger.Lose, LeadState.Opportunity)]
    [InlineData(LeadTrigger.Disqualify, LeadState.Raw)]
    [InlineData(LeadTrigger.Reopen, LeadState.Lost)]
    public void CanFire_ReasonOnlyTrigger_HasNoCriteriaSoIsAlwaysOpen(LeadTrigger trigger, LeadState from)
    {
        var workflow = LeadBuilder.Empty().InState(from).Workflow();

        Assert.True(workflow.CanFire(trigger, out var unmet));
        Assert.Empty(unmet);
        Assert.Empty(workflow.Evaluate(trigger));
    }

    [Fact]
    public void Qualify_WhenFitBelowThreshold_ListsUnmetCriterion()
    {
        var workflow = LeadBuilder.Ready(LeadState.Scored).WithScores(fit: 29, engagement: 30).Workflow();

        Assert.False(workflow.CanFire(LeadTrigger.Qualify, out var unmet));
        Assert.Equal(["Fit score at least 30"], unmet);
        var fit = Assert.Single(workflow.Evaluate(LeadTrigger.Qualify), e => !e.Passed);
        Assert.Equal("mql-fit", fit.Id);
        Assert.Equal("fit score 29, needs ≥ 30", fit.Actual);
    }

    [Fact]
    public void Qualify_WhenFitAboveThreshold_ShowsActualScoreAgainstThreshold()
    {
        var workflow = LeadBuilder.Ready(LeadState.Scored).WithScores(fit: 35, engagement: 30).Workflow();

        var evaluations = workflow.Evaluate(LeadTrigger.Qualify);

        Assert.Equal(
            ["fit score 35, needs ≥ 30", "engagement score 30, needs ≥ 25", "1 × activities in the last 30 days, needs ≥ 1"],
            evaluations.Select(e => e.Actual));
        Assert.All(evaluations, e => Assert.True(e.Passed));
    }

    [Fact]
    public void Qualify_WhenScoresExactlyAtThresholds_Passes()
    {
        var workflow = LeadBuilder.Ready(LeadState.Scored).WithScores(fit: 30, engagement: 25).Workflow();

        Assert.True(workflow.CanFire(LeadTrigger.Qualify, out _));
    }

    [Fact]
    public void Qualify_WhenEngagementBelowThreshold_ListsOnlyEngagement()
    {
        var workflow = LeadBuilder.Ready(LeadState.Scored).WithScores(fit: 80, engagement: 24).Workflow();

        Assert.False(workflow.CanFire(LeadTrigger.Qualify, out var unmet));
        Assert.Equal(["Engagement score at least 25"], unmet);
    }

    [Fact]
    public void Qualify_WhenLastActivityOlderThanThirtyDays_ListsRecentActivityCriterion()
    {
        var workflow = LeadBuilder.Ready(LeadState.Scored).WithoutActivities().WithActivity(ActivityType.Meeting, daysAgo: 31).Workflow();

        Assert.False(workflow.CanFire(LeadTrigger.Qualify, out var unmet));
        Assert.Equal(["At least one activity in the last 30 days"], unmet);
        Assert.Equal("0 × activities in the last 30 days, needs ≥ 1", workflow.Evaluate(LeadTrigger.Qualify)[2].Actual);
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("jane@example")]
    [InlineData(" jane@example.com")]
    public void Score_WhenEmailInvalid_ListsEmailCriterion(string email)
    {
        var workflow = LeadBuilder.Ready(LeadState.Raw).With(l => l.Email = email).Workflow();

        Assert.False(workflow.CanFire(LeadTrigger.Score, out var unmet));
        Assert.Equal(["Email address is valid"], unmet);
    }

    [Fact]
    public void Score_WhenCompanyBlank_ListsCompanyCriterion()
    {
        var workflow = LeadBuilder.Ready(LeadState.Raw).With(l => l.Company = "   ").Workflow();

        Assert.False(workflow.CanFire(LeadTrigger.Score, out var unmet));
        Assert.Equal(["Company is known"], unmet);
    }

    [Fact]
    public void QualifyForSales_WhenOnlyTimelineMissing_ListsTimeline()
    {
        var workflow = LeadBuilder.Ready(LeadState.SalesAccepted).With(l => l.Timeline = false).Workflow();

        Assert.False(workflow.CanFire(LeadTrigger.QualifyForSales, out var unmet));
        Assert.Equal(["Timeline confirmed"], unmet);
    }

    [Fact]
    public void Convert_WhenAmountZero_ListsAmountCriterion()
    {
        var workflow = LeadBuilder.Ready(LeadState.SQL).With(l => l.Amount = 0m).Workflow();

        Assert.False(workflow.CanFire(LeadTrigger.Convert, out var unmet));
        Assert.Equal(["Opportunity amount is set"], unmet);
        Assert.Equal("Amount 0, needs ≥ 1", workflow.Evaluate(LeadTrigger.Convert)[0].Actual);
    }

    [Fact]
    public void Reengage_BeforeFourteenDaysInNurture_ListsTimeInStage()
    {
        var workflow = LeadBuilder.Ready().InState(LeadState.Nurture, enteredDaysAgo: 13.9).Workflow();

        Assert.False(workflow.CanFire(LeadTrigger.Reengage, out var unmet));
        Assert.Equal(["At least 14 days in nurture"], unmet);
        Assert.Equal("13 days in stage, needs ≥ 14", workflow.Evaluate(LeadTrigger.Reengage)[0].Actual);
    }

    [Fact]
    public void Reengage_WithoutEngagementInLastFourteenDays_ListsEngagement()
    {
        var workflow = LeadBuilder.Ready(LeadState.Nurture).WithoutActivities().WithActivity(ActivityType.EmailClick, daysAgo: 15).Workflow();

        Assert.False(workflow.CanFire(LeadTrigger.Reengage, out var unmet));
        Assert.Equal(["New engagement in the last 14 days"], unmet);
    }

    [Theory]
    [MemberData(nameof(UndefinedPairs))]
    public void Fire_TriggerNotDefinedFromState_IsRefused(LeadState state, LeadTrigger trigger)
    {
        var workflow = LeadBuilder.Ready(state).Workflow();
        var enteredAt = workflow.Lead.StageEnteredAt;

        Assert.False(LeadWorkflow.IsDefinedFrom(state, trigger));
        Assert.False(workflow.CanFire(trigger, out _));
        Assert.Throws<InvalidOperationException>(() => workflow.Fire(trigger, Clock.Now));
        Assert.Equal(state, workflow.Lead.State);
        Assert.Equal(enteredAt, workflow.Lead.StageEnteredAt);
    }

    [Theory]
    [InlineData(LeadState.Raw)]
    [InlineData(LeadState.Scored)]
    [InlineData(LeadState.MQL)]
    [InlineData(LeadState.SalesAccepted)]
    [InlineData(LeadState.SQL)]
    [InlineData(LeadState.Opportunity)]
    [InlineData(LeadState.Nurture)]
    public void Disqualify_FromAnyOpenState_MovesToDisqualified(LeadState from)
    {
        var workflow = LeadBuilder.Empty().InState(from).Workflow();

        Assert.True(from.IsOpen());
        Assert.True(LeadWorkflow.IsDefinedFrom(from, LeadTrigger.Disqualify));

        workflow.Fire(LeadTrigger.Disqualify, Clock.Now);

        Assert.Equal(LeadState.Disqualified, workflow.Lead.State);
    }

    [Theory]
    [InlineData(LeadState.Won)]
    [InlineData(LeadState.Lost)]
    [InlineData(LeadState.Disqualified)]
    public void Disqualify_FromClosedState_IsRefused(LeadState from)
    {
        var workflow = LeadBuilder.Empty().InState(from).Workflow();

        Assert.False(from.IsOpen());
        Assert.False(LeadWorkflow.IsDefinedFrom(from, LeadTrigger.Disqualify));
        Assert.Throws<InvalidOperationException>(() => workflow.Fire(LeadTrigger.Disqualify, Clock.Now));
    }

    [Fact]
    public void IsDefinedFrom_Reopen_OnlyFromDisqualifiedAndLost()
    {
        var from = Enum.GetValues<LeadState>().Where(s => LeadWorkflow.IsDefinedFrom(s, LeadTrigger.Reopen));

        Assert.Equal([LeadState.Lost, LeadState.Disqualified], from);
    }

    [Fact]
    public void Won_IsTerminal_NoTriggerIsDefined()
    {
        Assert.DoesNotContain(Enum.GetValues<LeadTrigger>(), t => LeadWorkflow.IsDefinedFrom(LeadState.Won, t));
    }

    [Theory]
    [InlineData(LeadTrigger.Score, LeadState.Scored)]
    [InlineData(LeadTrigger.Qualify, LeadState.MQL)]
    [InlineData(LeadTrigger.Accept, LeadState.SalesAccepted)]
    [InlineData(LeadTrigger.Reject, LeadState.Nurture)]
    [InlineData(LeadTrigger.QualifyForSales, LeadState.SQL)]
    [InlineData(LeadTrigger.Recycle, LeadState.Nurture)]
    [InlineData(LeadTrigger.Convert, LeadState.Opportunity)]
    [InlineData(LeadTrigger.Win, LeadState.Won)]
    [InlineData(LeadTrigger.Lose, LeadState.Lost)]
    [InlineData(LeadTrigger.Reengage, LeadState.Scored)]
    [InlineData(LeadTrigger.Disqualify, LeadState.Disqualified)]
    [InlineData(LeadTrigger.Reopen, LeadState.Nurture)]
    public void TargetOf_EachTrigger_IsItsDestination(LeadTrigger trigger, LeadState to)
    {
        Assert.Equal(to, LeadWorkflow.TargetOf(trigger));
    }

    [Theory]
    [InlineData(LeadTrigger.Score, ReasonListKind.None)]
    [InlineData(LeadTrigger.Qualify, ReasonListKind.None)]
    [InlineData(LeadTrigger.Accept, ReasonListKind.None)]
    [InlineData(LeadTrigger.Reject, ReasonListKind.Reject)]
    [InlineData(LeadTrigger.QualifyForSales, ReasonListKind.None)]
    [InlineData(LeadTrigger.Recycle, ReasonListKind.Recycle)]
    [InlineData(LeadTrigger.Convert, ReasonListKind.None)]
    [InlineData(LeadTrigger.Win, ReasonListKind.None)]
    [InlineData(LeadTrigger.Lose, ReasonListKind.Loss)]
    [InlineData(LeadTrigger.Reengage, ReasonListKind.None)]
    [InlineData(LeadTrigger.Disqualify, ReasonListKind.Disqualify)]
    [InlineData(LeadTrigger.Reopen, ReasonListKind.Reopen)]
    public void ReasonListOf_EachTrigger_NamesTheListItNeeds(LeadTrigger trigger, ReasonListKind list)
    {
        Assert.Equal(list, LeadWorkflow.ReasonListOf(trigger));
    }

    [Fact]
    public void Accept_WhenLeadHasNoOwner_MakesAcceptingUserTheOwner()
    {
        var workflow = LeadBuilder.Ready(LeadState.MQL).With(l => l.OwnerId = null).Workflow(Actors.Sales);

        workflow.Fire(LeadTrigger.Accept, Clock.Now);

        Assert.Equal(LeadState.SalesAccepted, workflow.Lead.State);
        Assert.Equal(Actors.SalesUserId, workflow.Lead.OwnerId);
    }

    [Fact]
    public void Accept_WhenLeadHasOwner_KeepsExistingOwner()
    {
        var workflow = LeadBuilder.Ready(LeadState.MQL).Workflow(Actors.Sales);

        workflow.Fire(LeadTrigger.Accept, Clock.Now);

        Assert.Equal(LeadBuilder.ExistingOwnerId, workflow.Lead.OwnerId);
    }

    [Fact]
    public void Accept_ThenQualifyForSales_OwnerCriterionMetByAcceptingUser()
    {
        var workflow = LeadBuilder.Ready(LeadState.MQL).With(l => l.OwnerId = null).Workflow(Actors.Sales);

        workflow.Fire(LeadTrigger.Accept, Clock.Now);

        Assert.True(workflow.CanFire(LeadTrigger.QualifyForSales, out var unmet), string.Join(", ", unmet));
    }

    [Theory]
    [InlineData(LeadTrigger.Reject)]
    [InlineData(LeadTrigger.Disqualify)]
    public void OtherSalesMoves_WhenLeadHasNoOwner_DoNotAssignOne(LeadTrigger trigger)
    {
        var workflow = LeadBuilder.Ready(LeadState.MQL).With(l => l.OwnerId = null).Workflow(Actors.Sales);

        workflow.Fire(trigger, Clock.Now);

        Assert.Null(workflow.Lead.OwnerId);
    }

    [Fact]
    public void Fire_ClearsCachedEvaluations_SoTimeInStageRestarts()
    {
        var agreement = DefaultAgreement.Create()
            .WithCriteria(LeadTrigger.Qualify, new TimeInStageCriterion { Id = "q-time", Days = 7, Description = "A week in Scored" });
        var workflow = LeadBuilder.Ready().InState(LeadState.Raw, enteredDaysAgo: 10).Workflow(agreement: agreement);
        Assert.True(workflow.Evaluate(LeadTrigger.Qualify)[0].Passed);

        workflow.Fire(LeadTrigger.Score, Clock.Now);

        var evaluation = Assert.Single(workflow.Evaluate(LeadTrigger.Qualify));
        Assert.False(evaluation.Passed);
        Assert.Equal("0 days in stage, needs ≥ 7", evaluation.Actual);
        Assert.False(workflow.CanFire(LeadTrigger.Qualify, out _));
    }

    [Fact]
    public void Workflow_WithCustomAgreement_GuardsWithItsCriteria()
    {
        var agreement = DefaultAgreement.Create().WithCriteria(
            LeadTrigger.Accept,
            new FieldEqualsCriterion { Id = "sal-country", Field = "country", Value = "US", Description = "Based in the US" });
        var workflow = LeadBuilder.Ready(LeadState.MQL).With(l => l.Country = "DE").Workflow(agreement: agreement);

        Assert.False(workflow.CanFire(LeadTrigger.Accept, out var unmet));
        Assert.Equal(["Based in the US"], unmet);
        Assert.Equal("Country is \"DE\", needs \"US\"", Assert.Single(workflow.Evaluate(LeadTrigger.Accept)).Actual);
    }

    [Fact]
    public void Workflow_WhenAgreementOmitsATrigger_TheTriggerIsUnguarded()
    {
        var agreement = DefaultAgreement.Create() with
        {
            Transitions = DefaultAgreement.Create().Transitions.Where(t => t.Trigger != LeadTrigger.Win).ToList(),
        };
        var workflow = LeadBuilder.Empty().InState(LeadState.Opportunity).Workflow(agreement: agreement);

        Assert.True(workflow.CanFire(LeadTrigger.Win, out var unmet));
        Assert.Empty(unmet);
        workflow.Fire(LeadTrigger.Win, Clock.Now);
        Assert.Equal(LeadState.Won, workflow.Lead.State);
    }

    [Fact]
    public void Lifecycle_FullHappyPath_EndsWonWithEveryStageStamped()
    {
        var workflow = LeadBuilder.Ready().With(l => l.OwnerId = null).Workflow(Actors.Sales);
        LeadTrigger[] path = [LeadTrigger.Score, LeadTrigger.Qualify, LeadTrigger.Accept, LeadTrigger.QualifyForSales, LeadTrigger.Convert, LeadTrigger.Win];

        for (var i = 0; i < path.Length; i++)
        {
            var at = Clock.Now.AddHours(i);
            workflow.Fire(path[i], at);
            Assert.Equal(at, workflow.Lead.StageEnteredAt);
        }

        Assert.Equal(LeadState.Won, workflow.Lead.State);
        Assert.Equal(Actors.SalesUserId, workflow.Lead.OwnerId);
    }

    [Fact]
    public void Lifecycle_LostThenReopened_CanBeReengagedAfterNurture()
    {
        var lead = LeadBuilder.Ready(LeadState.Opportunity);
        var workflow = lead.Workflow();

        workflow.Fire(LeadTrigger.Lose, Clock.DaysAgo(40));
        workflow.Fire(LeadTrigger.Reopen, Clock.DaysAgo(20));

        Assert.Equal(LeadState.Nurture, workflow.Lead.State);
        Assert.True(lead.Workflow().CanFire(LeadTrigger.Reengage, out _));
    }
}
