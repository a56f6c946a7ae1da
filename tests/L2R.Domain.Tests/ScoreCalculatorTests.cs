using L2R.Domain.Agreements;
using L2R.Domain.Leads;
using L2R.Domain.Scoring;

namespace L2R.Domain.Tests;

public class ScoreCalculatorTests
{
    private static readonly ScoringModel Default = DefaultAgreement.Create().Scoring;

    private static ScoringModel Engagement(params EngagementRule[] rules) => new() { EngagementRules = rules };

    [Fact]
    public void Compute_FitRulesThatHold_AddTheirPoints()
    {
        var lead = LeadBuilder.Empty().With(l =>
        {
            l.CompanySize = 250;
            l.Title = "VP Marketing";
        });

        var score = ScoreCalculator.Compute(Default, lead.Facts());

        Assert.Equal(35, score.Fit);
        Assert.Equal(["size-200", "title-vp"], score.Items.Select(i => i.Source));
    }

    [Fact]
    public void Compute_EveryDefaultFitRule_Adds95()
    {
        var lead = LeadBuilder.Empty().With(l =>
        {
            l.CompanySize = 5000;
            l.Title = "Chief Technology Officer, VP and Director";
            l.Industry = "Software";
            l.AnnualRevenue = 50_000_000m;
        });

        var score = ScoreCalculator.Compute(Default, lead.Facts());

        Assert.Equal(20 + 10 + 15 + 10 + 20 + 10 + 10, score.Fit);
    }

    [Fact]
    public void Compute_NegativeFitRule_SubtractsPoints()
    {
        var lead = LeadBuilder.Empty().With(l =>
        {
            l.Title = "Student";
            l.Industry = "Software";
        });

        var score = ScoreCalculator.Compute(Default, lead.Facts());

        Assert.Equal(10 - 30, score.Fit);
        var student = Assert.Single(score.Items, i => i.Source == "student");
        Assert.Equal(-30, student.Points);
    }

    [Fact]
    public void Compute_FitItems_CarryRuleIdDescriptionAndNoTime()
    {
        var lead = LeadBuilder.Empty().With(l => l.CompanySize = 200);

        var item = Assert.Single(ScoreCalculator.Compute(Default, lead.Facts()).Items);

        Assert.Equal(new ScoreItem(ScoreItemKind.Fit, "size-200", "Company has at least 200 employees", 20, null), item);
    }

    [Fact]
    public void Compute_NoRulesHold_ScoresZeroWithNoItems()
    {
        var score = ScoreCalculator.Compute(Default, LeadBuilder.Empty().Facts());

        Assert.Equal(0, score.Fit);
        Assert.Equal(0, score.Engagement);
        Assert.Equal(0, score.Total);
        Assert.Empty(score.Items);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(30, 5)]
    [InlineData(60, 3)]
    [InlineData(90, 1)]
    [InlineData(300, 0)]
    public void Compute_Engagement_HalvesEveryHalfLife(double daysAgo, int expected)
    {
        var model = Engagement(new EngagementRule(ActivityType.Webinar, 10, 30));
        var lead = LeadBuilder.Empty().WithActivity(ActivityType.Webinar, daysAgo);

        Assert.Equal(expected, ScoreCalculator.Compute(model, lead.Facts()).Engagement);
    }

    [Theory]
    [InlineData(10, 30, 0, 10)]
    [InlineData(10, 30, 30, 5)]
    [InlineData(10, 30, 60, 2.5)]
    [InlineData(10, 30, 15, 7.0710678)]
    [InlineData(25, 60, 120, 6.25)]
    [InlineData(10, 30, -5, 10)]
    [InlineData(10, 0, 100, 10)]
    [InlineData(10, -1, 100, 10)]
    public void Decayed_FollowsHalfLife(int points, double halfLife, double ageDays, double expected)
    {
        Assert.Equal(expected, ScoreCalculator.Decayed(new EngagementRule(ActivityType.Call, points, halfLife), ageDays), precision: 6);
    }

    [Fact]
    public void Compute_EngagementSumsActivitiesThenRounds()
    {
        var model = Engagement(new EngagementRule(ActivityType.Webinar, 10, 30), new EngagementRule(ActivityType.PageView, 2, 7));
        var lead = LeadBuilder.Empty()
            .WithActivity(ActivityType.Webinar, daysAgo: 60)
            .WithActivity(ActivityType.Webinar, daysAgo: 60)
            .WithActivity(ActivityType.PageView, daysAgo: 0);

        var score = ScoreCalculator.Compute(model, lead.Facts());

        Assert.Equal(2.5 + 2.5 + 2, score.Items.Sum(i => i.Points));
        Assert.Equal(7, score.Engagement);
    }

    [Fact]
    public void Compute_EngagementItems_NewestFirstWithDecayedPointsAndTime()
    {
        var model = Engagement(new EngagementRule(ActivityType.Webinar, 10, 30), new EngagementRule(ActivityType.ContentDownload, 10, 30));
        var lead = LeadBuilder.Empty()
            .WithActivity(ActivityType.Webinar, daysAgo: 30)
            .WithActivity(ActivityType.ContentDownload, daysAgo: 15);

        var items = ScoreCalculator.Compute(model, lead.Facts()).Items;

        Assert.Equal(
            [
                new ScoreItem(ScoreItemKind.Engagement, "ContentDownload", "ContentDownload: 10 points, halving every 30 days", 7.07, Clock.DaysAgo(15)),
                new ScoreItem(ScoreItemKind.Engagement, "Webinar", "Webinar: 10 points, halving every 30 days", 5, Clock.DaysAgo(30)),
            ],
            items);
    }

    [Fact]
    public void Compute_FutureActivities_AreIgnored()
    {
        var model = Engagement(new EngagementRule(ActivityType.Meeting, 25, 60));
        var lead = LeadBuilder.Empty().WithActivity(ActivityType.Meeting, daysAgo: -1);

        var score = ScoreCalculator.Compute(model, lead.Facts());

        Assert.Equal(0, score.Engagement);
        Assert.Empty(score.Items);
    }

    [Fact]
    public void Compute_ActivityAtNow_CountsFully()
    {
        var model = Engagement(new EngagementRule(ActivityType.Meeting, 25, 60));

        Assert.Equal(25, ScoreCalculator.Compute(model, LeadBuilder.Empty().WithActivity(ActivityType.Meeting, daysAgo: 0).Facts()).Engagement);
    }

    [Fact]
    public void Compute_ActivityTypeWithoutRule_IsIgnored()
    {
        var model = Engagement(new EngagementRule(ActivityType.Webinar, 15, 30));
        var lead = LeadBuilder.Empty().WithActivity(ActivityType.Call, daysAgo: 0);

        Assert.Empty(ScoreCalculator.Compute(model, lead.Facts()).Items);
    }

    [Fact]
    public void Compute_DuplicateEngagementRules_FirstOneWins()
    {
        var model = Engagement(new EngagementRule(ActivityType.Call, 10, 30), new EngagementRule(ActivityType.Call, 99, 30));
        var lead = LeadBuilder.Empty().WithActivity(ActivityType.Call, daysAgo: 0);

        Assert.Equal(10, ScoreCalculator.Compute(model, lead.Facts()).Engagement);
    }

    [Fact]
    public void Compute_Total_IsFitPlusEngagement()
    {
        var lead = LeadBuilder.Empty()
            .With(l =>
            {
                l.CompanySize = 300;
                l.Title = "Director of IT";
            })
            .WithActivity(ActivityType.Webinar, daysAgo: 0)
            .WithActivity(ActivityType.FormSubmission, daysAgo: 30);

        var score = ScoreCalculator.Compute(Default, lead.Facts());

        Assert.Equal(30, score.Fit);
        Assert.Equal(15 + 8, score.Engagement);
        Assert.Equal(53, score.Total);
    }

    [Fact]
    public void Compute_SameFactsLater_EngagementDecaysButFitStays()
    {
        var lead = LeadBuilder.Empty().With(l => l.CompanySize = 300).WithActivity(ActivityType.ContentDownload, daysAgo: 0);

        var today = ScoreCalculator.Compute(Default, lead.Facts());
        var inAMonth = ScoreCalculator.Compute(Default, lead.Facts(Clock.Now.AddDays(30)));

        Assert.Equal(today.Fit, inAMonth.Fit);
        Assert.Equal(10, today.Engagement);
        Assert.Equal(5, inAMonth.Engagement);
    }

    [Fact]
    public void ApplyScore_StoresFitEngagementAndTotalOnTheLead()
    {
        var lead = new Lead();

        lead.ApplyScore(new ScoreBreakdown(40, -5, []), Clock.Now);

        Assert.Equal(40, lead.FitScore);
        Assert.Equal(-5, lead.EngagementScore);
        Assert.Equal(35, lead.TotalScore);
    }

    [Fact]
    public void Compute_ThenQualify_UsesTheStoredScores()
    {
        var builder = LeadBuilder.Ready(LeadState.Scored).WithScores(0, 0).With(l =>
        {
            l.CompanySize = 300;
            l.Title = "VP Sales";
        }).WithActivity(ActivityType.Meeting, daysAgo: 1);

        builder.Lead.ApplyScore(ScoreCalculator.Compute(Default, builder.Facts()), Clock.Now);

        Assert.Equal(35, builder.Lead.FitScore);
        Assert.True(builder.Workflow(Actor.System).CanFire(LeadTrigger.Qualify, out var unmet), string.Join(", ", unmet));
    }
}
