using L2R.Domain.Agreements;
using L2R.Domain.Leads;

namespace L2R.Domain.Tests;

public class LeadWorkflowRoleTests
{
    private static readonly LeadTrigger[] AutoAdvanceTriggers = [LeadTrigger.Score, LeadTrigger.Qualify, LeadTrigger.Reengage];

    [Theory]
    [InlineData(LeadTrigger.Score, Roles.Marketing, true)]
    [InlineData(LeadTrigger.Score, Roles.Sales, false)]
    [InlineData(LeadTrigger.Qualify, Roles.Marketing, true)]
    [InlineData(LeadTrigger.Qualify, Roles.Admin, false)]
    [InlineData(LeadTrigger.Accept, Roles.Sales, true)]
    [InlineData(LeadTrigger.Accept, Roles.Marketing, false)]
    [InlineData(LeadTrigger.Accept, Roles.Admin, false)]
    [InlineData(LeadTrigger.Reject, Roles.Sales, true)]
    [InlineData(LeadTrigger.Reject, Roles.Marketing, false)]
    [InlineData(LeadTrigger.QualifyForSales, Roles.Sales, true)]
    [InlineData(LeadTrigger.QualifyForSales, Roles.Marketing, false)]
    [InlineData(LeadTrigger.Recycle, Roles.Sales, true)]
    [InlineData(LeadTrigger.Recycle, Roles.Marketing, false)]
    [InlineData(LeadTrigger.Convert, Roles.Sales, true)]
    [InlineData(LeadTrigger.Convert, Roles.Admin, false)]
    [InlineData(LeadTrigger.Win, Roles.Sales, true)]
    [InlineData(LeadTrigger.Win, Roles.Marketing, false)]
    [InlineData(LeadTrigger.Lose, Roles.Sales, true)]
    [InlineData(LeadTrigger.Lose, Roles.Marketing, false)]
    [InlineData(LeadTrigger.Reengage, Roles.Marketing, true)]
    [InlineData(LeadTrigger.Reengage, Roles.Sales, false)]
    [InlineData(LeadTrigger.Disqualify, Roles.Marketing, true)]
    [InlineData(LeadTrigger.Disqualify, Roles.Sales, true)]
    [InlineData(LeadTrigger.Disqualify, Roles.Admin, false)]
    [InlineData(LeadTrigger.Reopen, Roles.Admin, true)]
    [InlineData(LeadTrigger.Reopen, Roles.Sales, true)]
    [InlineData(LeadTrigger.Reopen, Roles.Marketing, false)]
    [InlineData(LeadTrigger.Accept, Roles.Marketing | Roles.Sales, true)]
    [InlineData(LeadTrigger.Score, Roles.Admin | Roles.Sales, false)]
    [InlineData(LeadTrigger.Reopen, Roles.None, false)]
    public void MayFire_ByRole_FollowsTheAgreement(LeadTrigger trigger, Roles roles, bool expected)
    {
        var workflow = LeadBuilder.Empty().Workflow(Actors.WithRoles(roles));

        Assert.Equal(expected, workflow.MayFire(trigger));
    }

    [Fact]
    public void MayFire_UserWithNoRoles_MayFireNothing()
    {
        var workflow = LeadBuilder.Empty().Workflow(Actors.WithRoles(Roles.None));

        Assert.DoesNotContain(Enum.GetValues<LeadTrigger>(), workflow.MayFire);
    }

    [Theory]
    [InlineData(LeadTrigger.Score)]
    [InlineData(LeadTrigger.Qualify)]
    [InlineData(LeadTrigger.Accept)]
    [InlineData(LeadTrigger.Reject)]
    [InlineData(LeadTrigger.QualifyForSales)]
    [InlineData(LeadTrigger.Recycle)]
    [InlineData(LeadTrigger.Convert)]
    [InlineData(LeadTrigger.Win)]
    [InlineData(LeadTrigger.Lose)]
    [InlineData(LeadTrigger.Reengage)]
    [InlineData(LeadTrigger.Disqualify)]
    [InlineData(LeadTrigger.Reopen)]
    public void MayFire_SystemActor_OnlyAutoAdvanceTriggers(LeadTrigger trigger)
    {
        var workflow = LeadBuilder.Empty().Workflow(Actor.System);

        Assert.Equal(AutoAdvanceTriggers.Contains(trigger), workflow.MayFire(trigger));
    }

    [Fact]
    public void MayFire_SystemActor_FollowsTheAgreementsAutoAdvanceFlag()
    {
        var agreement = DefaultAgreement.Create()
            .WithRule(LeadTrigger.Qualify, r => r with { AutoAdvance = false })
            .WithRule(LeadTrigger.Accept, r => r with { AutoAdvance = true });
        var workflow = LeadBuilder.Empty().Workflow(Actor.System, agreement);

        Assert.False(workflow.MayFire(LeadTrigger.Qualify));
        Assert.True(workflow.MayFire(LeadTrigger.Accept));
    }

    [Fact]
    public void MayFire_UserActor_IsJudgedByItsRolesNotAsSystem()
    {
        var workflow = LeadBuilder.Empty().Workflow(Actor.User(Guid.NewGuid(), Roles.Sales));

        Assert.True(workflow.MayFire(LeadTrigger.Accept));
        Assert.False(workflow.MayFire(LeadTrigger.Score));
    }

    [Fact]
    public void MayFire_TriggerMissingFromAgreement_OnlyAdmin()
    {
        var agreement = DefaultAgreement.Create() with
        {
            Transitions = DefaultAgreement.Create().Transitions.Where(t => t.Trigger != LeadTrigger.Lose).ToList(),
        };

        Assert.True(LeadBuilder.Empty().Workflow(Actors.Admin, agreement).MayFire(LeadTrigger.Lose));
        Assert.False(LeadBuilder.Empty().Workflow(Actors.Sales, agreement).MayFire(LeadTrigger.Lose));
        Assert.False(LeadBuilder.Empty().Workflow(Actor.System, agreement).MayFire(LeadTrigger.Lose));
    }

    [Fact]
    public void NextAutoAdvance_RawWithValidData_IsScore()
    {
        var workflow = LeadBuilder.Empty().With(l =>
        {
            l.Email = "jane@example.com";
            l.Company = "Acme";
        }).Workflow(Actor.System);

        Assert.Equal(LeadTrigger.Score, workflow.NextAutoAdvance());
    }

    [Theory]
    [InlineData("jane@example", "Acme")]
    [InlineData("jane@example.com", null)]
    [InlineData(null, "Acme")]
    public void NextAutoAdvance_RawWithInvalidData_IsNull(string? email, string? company)
    {
        var workflow = LeadBuilder.Empty().With(l =>
        {
            l.Email = email;
            l.Company = company;
        }).Workflow(Actor.System);

        Assert.Null(workflow.NextAutoAdvance());
    }

    [Fact]
    public void NextAutoAdvance_ScoredMeetingFitEngagementAndRecentActivity_IsQualify()
    {
        var workflow = LeadBuilder.Ready(LeadState.Scored).Workflow(Actor.System);

        Assert.Equal(LeadTrigger.Qualify, workflow.NextAutoAdvance());
    }

    [Theory]
    [InlineData(29, 30, 2)]
    [InlineData(30, 24, 2)]
    [InlineData(30, 25, 31)]
    public void NextAutoAdvance_ScoredMissingAnMqlCriterion_IsNull(int fit, int engagement, double lastActivityDaysAgo)
    {
        var workflow = LeadBuilder.Ready(LeadState.Scored)
            .WithScores(fit, engagement)
            .WithoutActivities()
            .WithActivity(ActivityType.Webinar, lastActivityDaysAgo)
            .Workflow(Actor.System);

        Assert.Null(workflow.NextAutoAdvance());
    }

    [Fact]
    public void NextAutoAdvance_NurtureLongEnoughWithNewEngagement_IsReengage()
    {
        var workflow = LeadBuilder.Ready(LeadState.Nurture).Workflow(Actor.System);

        Assert.Equal(LeadTrigger.Reengage, workflow.NextAutoAdvance());
    }

    [Fact]
    public void NextAutoAdvance_NurtureTooRecent_IsNull()
    {
        var workflow = LeadBuilder.Ready().InState(LeadState.Nurture, enteredDaysAgo: 3).Workflow(Actor.System);

        Assert.Null(workflow.NextAutoAdvance());
    }

    [Theory]
    [InlineData(LeadState.MQL)]
    [InlineData(LeadState.SalesAccepted)]
    [InlineData(LeadState.SQL)]
    [InlineData(LeadState.Opportunity)]
    [InlineData(LeadState.Won)]
    [InlineData(LeadState.Lost)]
    [InlineData(LeadState.Disqualified)]
    public void NextAutoAdvance_StateWithoutAutoTrigger_IsNullEvenWhenEverythingHolds(LeadState state)
    {
        var workflow = LeadBuilder.Ready(state).Workflow(Actor.System);

        Assert.Null(workflow.NextAutoAdvance());
    }

    [Fact]
    public void NextAutoAdvance_WhenQualifyNotAutoAdvance_IsNull()
    {
        var agreement = DefaultAgreement.Create().WithRule(LeadTrigger.Qualify, r => r with { AutoAdvance = false });
        var workflow = LeadBuilder.Ready(LeadState.Scored).Workflow(Actor.System, agreement);

        Assert.Null(workflow.NextAutoAdvance());
    }

    [Fact]
    public void NextAutoAdvance_RunToFixpoint_GoesRawToScoredToMql()
    {
        var workflow = LeadBuilder.Ready(LeadState.Raw).Workflow(Actor.System);
        var fired = new List<LeadTrigger>();

        while (workflow.NextAutoAdvance() is { } trigger && fired.Count < 10)
        {
            Assert.True(workflow.MayFire(trigger));
            workflow.Fire(trigger, Clock.Now);
            fired.Add(trigger);
        }

        Assert.Equal([LeadTrigger.Score, LeadTrigger.Qualify], fired);
        Assert.Equal(LeadState.MQL, workflow.Lead.State);
    }

    [Fact]
    public void NextAutoAdvance_RunToFixpoint_StopsAtScoredWhenMqlCriteriaFail()
    {
        var workflow = LeadBuilder.Ready(LeadState.Raw).WithScores(fit: 10, engagement: 5).Workflow(Actor.System);

        while (workflow.NextAutoAdvance() is { } trigger)
        {
            workflow.Fire(trigger, Clock.Now);
        }

        Assert.Equal(LeadState.Scored, workflow.Lead.State);
    }
}
