using L2R.Domain.Agreements;
using L2R.Domain.Leads;

namespace L2R.Domain.Tests;

public class AgreementSimulationTests
{
    private static readonly LeadAgreement Current = DefaultAgreement.Create();

    private static LeadAgreement LowerEngagementThreshold(int value) =>
        Current.WithCriteria(LeadTrigger.Qualify,
            new ScoreAtLeastCriterion { Id = "mql-fit", Score = ScoreKind.Fit, Value = 30, Description = "Fit score at least 30" },
            new ScoreAtLeastCriterion { Id = "mql-engagement", Score = ScoreKind.Engagement, Value = value, Description = $"Engagement score at least {value}" },
            new ActivityCountCriterion { Id = "mql-recent", AtLeast = 1, WithinDays = 30, Description = "At least one activity in the last 30 days" });

    /// <summary>Fit 45 under the default model (size, VP, Software) with one fresh webinar: engagement 15.</summary>
    private static LeadBuilder ScoredWithOneWebinar() =>
        LeadBuilder.Empty()
            .InState(LeadState.Scored, enteredDaysAgo: 3)
            .With(l =>
            {
                l.Email = "vera@globex.example";
                l.Company = "Globex";
                l.CompanySize = 500;
                l.Title = "VP Operations";
                l.Industry = "Software";
            })
            .WithActivity(ActivityType.Webinar, daysAgo: 0);

    [Fact]
    public void Project_LoweredEngagementThreshold_MovesTheLeadToMqlWithoutTouchingIt()
    {
        var builder = ScoredWithOneWebinar();
        var facts = builder.Facts();

        var projection = AgreementSimulation.Project(Current, LowerEngagementThreshold(10), builder.Lead, facts.Activities, Clock.Now);

        Assert.Equal([LeadTrigger.Qualify], projection.Moves);
        Assert.Equal(LeadState.MQL, projection.To);
        Assert.Contains(new GuardComparison(LeadTrigger.Qualify, PassesNow: false, PassesDraft: true), projection.Guards);
        Assert.Equal(LeadState.Scored, builder.Lead.State);
        Assert.Equal(0, builder.Lead.EngagementScore);
    }

    [Fact]
    public void Project_RaisedThreshold_ReportsNoLongerPassing_ButNeverMovesBack()
    {
        var builder = ScoredWithOneWebinar().WithActivity(ActivityType.FormSubmission, daysAgo: 0);

        var projection = AgreementSimulation.Project(Current, LowerEngagementThreshold(50), builder.Lead, builder.Facts().Activities, Clock.Now);

        Assert.Empty(projection.Moves);
        Assert.Equal(LeadState.Scored, projection.To);
        Assert.Contains(new GuardComparison(LeadTrigger.Qualify, PassesNow: true, PassesDraft: false), projection.Guards);
    }

    [Fact]
    public void Project_RawLeadWithGoodData_ChainsScoreThenQualify()
    {
        var builder = ScoredWithOneWebinar().InState(LeadState.Raw).WithActivity(ActivityType.FormSubmission, daysAgo: 1);

        var projection = AgreementSimulation.Project(Current, Current, builder.Lead, builder.Facts().Activities, Clock.Now);

        Assert.Equal([LeadTrigger.Score, LeadTrigger.Qualify], projection.Moves);
        Assert.Equal(LeadState.MQL, projection.To);
    }
}
