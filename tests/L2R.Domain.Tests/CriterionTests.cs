using L2R.Domain.Agreements;
using L2R.Domain.Leads;

namespace L2R.Domain.Tests;

public class CriterionTests
{
    private static CriterionEvaluation Evaluate(Criterion criterion, LeadBuilder lead) => criterion.Evaluate(lead.Facts());

    private static FieldPresentCriterion Present(string field) => new() { Id = "c", Field = field, Description = "d" };

    [Fact]
    public void Evaluate_ReturnsTheCriterionsIdAndDescription()
    {
        var criterion = new FieldPresentCriterion { Id = "company-present", Field = "company", Description = "Company is known" };

        var evaluation = Evaluate(criterion, LeadBuilder.Empty());

        Assert.Equal("company-present", evaluation.Id);
        Assert.Equal("Company is known", evaluation.Description);
    }

    [Fact]
    public void FieldPresent_WhenSet_PassesAndQuotesValue()
    {
        var evaluation = Evaluate(Present("company"), LeadBuilder.Empty().With(l => l.Company = "Acme"));

        Assert.True(evaluation.Passed);
        Assert.Equal("Company is \"Acme\"", evaluation.Actual);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void FieldPresent_WhenMissingOrBlank_FailsAsEmpty(string? company)
    {
        var evaluation = Evaluate(Present("company"), LeadBuilder.Empty().With(l => l.Company = company));

        Assert.False(evaluation.Passed);
        Assert.Equal("Company is empty", evaluation.Actual);
    }

    [Fact]
    public void FieldPresent_NumberField_ShowsInvariantNumber()
    {
        var evaluation = Evaluate(Present("annualRevenue"), LeadBuilder.Empty().With(l => l.AnnualRevenue = 1234567.5m));

        Assert.True(evaluation.Passed);
        Assert.Equal("Annual revenue is \"1234567.5\"", evaluation.Actual);
    }

    [Fact]
    public void FieldPresent_DateField_ShowsIsoDate()
    {
        var evaluation = Evaluate(Present("expectedCloseDate"), LeadBuilder.Empty().With(l => l.ExpectedCloseDate = new DateTime(2025, 7, 15, 9, 30, 0)));

        Assert.True(evaluation.Passed);
        Assert.Equal("Expected close date is \"2025-07-15\"", evaluation.Actual);
    }

    [Fact]
    public void FieldPresent_OwnerId_PassesWhenAssigned()
    {
        var owner = Guid.NewGuid();

        Assert.True(Evaluate(Present("ownerId"), LeadBuilder.Empty().With(l => l.OwnerId = owner)).Passed);
        Assert.False(Evaluate(Present("ownerId"), LeadBuilder.Empty()).Passed);
    }

    [Fact]
    public void FieldPresent_CustomField_ReadsTheLeadsCustomValues()
    {
        var criterion = Present("custom.tier");

        var present = Evaluate(criterion, LeadBuilder.Empty().WithCustom("tier", "Gold"));
        var missing = Evaluate(criterion, LeadBuilder.Empty().WithCustom("other", "x"));

        Assert.True(present.Passed);
        Assert.Equal("tier is \"Gold\"", present.Actual);
        Assert.False(missing.Passed);
        Assert.Equal("tier is empty", missing.Actual);
    }

    [Fact]
    public void FieldPresent_UnknownField_FailsAsEmpty()
    {
        var evaluation = Evaluate(Present("favouriteColour"), LeadBuilder.Ready());

        Assert.False(evaluation.Passed);
        Assert.Equal("favouriteColour is empty", evaluation.Actual);
    }

    [Theory]
    [InlineData("US", "US", true)]
    [InlineData(" us ", "US", true)]
    [InlineData("us", " US", true)]
    [InlineData("USA", "US", false)]
    [InlineData(null, "US", false)]
    public void FieldEquals_ComparesTrimmedIgnoringCase(string? country, string value, bool passed)
    {
        var criterion = new FieldEqualsCriterion { Id = "c", Field = "country", Value = value, Description = "d" };

        Assert.Equal(passed, Evaluate(criterion, LeadBuilder.Empty().With(l => l.Country = country)).Passed);
    }

    [Fact]
    public void FieldEquals_Actual_ShowsValueAndWhatItNeeds()
    {
        var criterion = new FieldEqualsCriterion { Id = "c", Field = "country", Value = "US", Description = "d" };

        Assert.Equal("Country is \"DE\", needs \"US\"", Evaluate(criterion, LeadBuilder.Empty().With(l => l.Country = "DE")).Actual);
        Assert.Equal("Country is empty, needs \"US\"", Evaluate(criterion, LeadBuilder.Empty()).Actual);
    }

    [Theory]
    [InlineData(true, "yes", true)]
    [InlineData(false, "yes", false)]
    [InlineData(false, "no", true)]
    public void FieldEquals_YesNoField_ComparesYesOrNo(bool budget, string value, bool passed)
    {
        var criterion = new FieldEqualsCriterion { Id = "c", Field = "budget", Value = value, Description = "d" };

        Assert.Equal(passed, Evaluate(criterion, LeadBuilder.Empty().With(l => l.Budget = budget)).Passed);
    }

    [Fact]
    public void FieldEquals_CustomField_ComparesItsText()
    {
        var criterion = new FieldEqualsCriterion { Id = "c", Field = "custom.partner", Value = "yes", Description = "d" };

        Assert.True(Evaluate(criterion, LeadBuilder.Empty().WithCustom("partner", "Yes")).Passed);
        Assert.False(Evaluate(criterion, LeadBuilder.Empty().WithCustom("partner", "no")).Passed);
    }

    [Theory]
    [InlineData("Software", true)]
    [InlineData("software", true)]
    [InlineData("  Healthcare ", true)]
    [InlineData("Retail", false)]
    [InlineData(null, false)]
    public void FieldIn_MatchesAnyListedValueIgnoringCase(string? industry, bool passed)
    {
        var criterion = new FieldInCriterion { Id = "c", Field = "industry", Values = ["Software", "Healthcare"], Description = "d" };

        Assert.Equal(passed, Evaluate(criterion, LeadBuilder.Empty().With(l => l.Industry = industry)).Passed);
    }

    [Fact]
    public void FieldIn_Actual_ListsTheAllowedValues()
    {
        var criterion = new FieldInCriterion { Id = "c", Field = "industry", Values = ["Software", "Healthcare"], Description = "d" };

        var evaluation = Evaluate(criterion, LeadBuilder.Empty().With(l => l.Industry = "Retail"));

        Assert.Equal("Industry is \"Retail\", needs one of Software, Healthcare", evaluation.Actual);
    }

    [Theory]
    [InlineData("VP Marketing", true)]
    [InlineData("Senior vp, Sales", true)]
    [InlineData("Marketing Manager", false)]
    [InlineData(null, false)]
    public void FieldContains_FindsTextIgnoringCase(string? title, bool passed)
    {
        var criterion = new FieldContainsCriterion { Id = "c", Field = "title", Value = "VP", Description = "d" };

        Assert.Equal(passed, Evaluate(criterion, LeadBuilder.Empty().With(l => l.Title = title)).Passed);
    }

    [Fact]
    public void FieldContains_Actual_ShowsWhatItLooksFor()
    {
        var criterion = new FieldContainsCriterion { Id = "c", Field = "title", Value = "VP", Description = "d" };

        Assert.Equal("Title is \"Engineer\", needs to contain \"VP\"", Evaluate(criterion, LeadBuilder.Empty().With(l => l.Title = "Engineer")).Actual);
        Assert.Equal("Title is empty, needs to contain \"VP\"", Evaluate(criterion, LeadBuilder.Empty()).Actual);
    }

    [Theory]
    [InlineData(250, true, "Company size 250, needs ≥ 200")]
    [InlineData(200, true, "Company size 200, needs ≥ 200")]
    [InlineData(199, false, "Company size 199, needs ≥ 200")]
    [InlineData(null, false, "Company size empty, needs ≥ 200")]
    public void NumberAtLeast_ComparesInclusively(int? size, bool passed, string actual)
    {
        var criterion = new NumberAtLeastCriterion { Id = "c", Field = "companySize", Value = 200, Description = "d" };

        var evaluation = Evaluate(criterion, LeadBuilder.Empty().With(l => l.CompanySize = size));

        Assert.Equal(passed, evaluation.Passed);
        Assert.Equal(actual, evaluation.Actual);
    }

    [Fact]
    public void NumberAtLeast_Decimals_ShowUpToTwoPlacesWithoutGrouping()
    {
        var criterion = new NumberAtLeastCriterion { Id = "c", Field = "annualRevenue", Value = 10_000_000.5m, Description = "d" };

        var evaluation = Evaluate(criterion, LeadBuilder.Empty().With(l => l.AnnualRevenue = 9_999_999.25m));

        Assert.False(evaluation.Passed);
        Assert.Equal("Annual revenue 9999999.25, needs ≥ 10000000.5", evaluation.Actual);
    }

    [Theory]
    [InlineData("42", true, "seats 42, needs ≥ 10")]
    [InlineData("9.5", false, "seats 9.5, needs ≥ 10")]
    [InlineData("lots", false, "seats empty, needs ≥ 10")]
    public void NumberAtLeast_CustomField_ParsesInvariantNumbers(string seats, bool passed, string actual)
    {
        var criterion = new NumberAtLeastCriterion { Id = "c", Field = "custom.seats", Value = 10, Description = "d" };

        var evaluation = Evaluate(criterion, LeadBuilder.Empty().WithCustom("seats", seats));

        Assert.Equal(passed, evaluation.Passed);
        Assert.Equal(actual, evaluation.Actual);
    }

    [Fact]
    public void NumberAtLeast_ScoreField_ReadsStoredScore()
    {
        var criterion = new NumberAtLeastCriterion { Id = "c", Field = "totalScore", Value = 60, Description = "d" };

        var evaluation = Evaluate(criterion, LeadBuilder.Empty().WithScores(fit: 35, engagement: 30));

        Assert.True(evaluation.Passed);
        Assert.Equal("Total score 65, needs ≥ 60", evaluation.Actual);
    }

    [Fact]
    public void NumberAtLeast_DaysInStage_CountsWholeDays()
    {
        var criterion = new NumberAtLeastCriterion { Id = "c", Field = "daysInStage", Value = 4, Description = "d" };

        var evaluation = Evaluate(criterion, LeadBuilder.Empty().InState(LeadState.SQL, enteredDaysAgo: 3.9));

        Assert.False(evaluation.Passed);
        Assert.Equal("Days in stage 3, needs ≥ 4", evaluation.Actual);
        Assert.True(criterion.DependsOnTime);
    }

    [Theory]
    [InlineData(500, true, "Company size 500, needs ≤ 500")]
    [InlineData(501, false, "Company size 501, needs ≤ 500")]
    [InlineData(null, false, "Company size empty, needs ≤ 500")]
    public void NumberAtMost_ComparesInclusively(int? size, bool passed, string actual)
    {
        var criterion = new NumberAtMostCriterion { Id = "c", Field = "companySize", Value = 500, Description = "d" };

        var evaluation = Evaluate(criterion, LeadBuilder.Empty().With(l => l.CompanySize = size));

        Assert.Equal(passed, evaluation.Passed);
        Assert.Equal(actual, evaluation.Actual);
    }

    [Theory]
    [InlineData("jane@example.com")]
    [InlineData("jane.doe@example.com")]
    [InlineData("jane+leads@sub.example.co.uk")]
    [InlineData("o'brien@example.ie")]
    [InlineData("Jane@Example.COM")]
    [InlineData("j@e.co")]
    public void ValidEmail_AcceptsOrdinaryAddresses(string email)
    {
        Assert.True(ValidEmailCriterion.IsValidEmail(email));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("jane")]
    [InlineData("jane@")]
    [InlineData("@example.com")]
    [InlineData("jane@example")]
    [InlineData("jane@.example.com")]
    [InlineData("jane@example.com.")]
    [InlineData("jane@example..com")]
    [InlineData("jane..doe@example.com")]
    [InlineData(".jane@example.com")]
    [InlineData("jane doe@example.com")]
    [InlineData(" jane@example.com")]
    [InlineData("jane@example.com ")]
    [InlineData("jane@example.com\n")]
    [InlineData("Jane Doe <jane@example.com>")]
    [InlineData("jane@example.com,bob@example.com")]
    [InlineData("jane@@example.com")]
    [InlineData("jane@ex@ample.com")]
    public void ValidEmail_RejectsMalformedAddresses(string? email)
    {
        Assert.False(ValidEmailCriterion.IsValidEmail(email));
    }

    [Fact]
    public void ValidEmail_RejectsAddressesLongerThan254Characters()
    {
        static string Address(int labelLength) => new string('a', 64) + "@" + string.Join('.', Enumerable.Repeat(new string('b', labelLength), 3)) + ".com";

        Assert.Equal(251, Address(60).Length);
        Assert.True(ValidEmailCriterion.IsValidEmail(Address(60)));
        Assert.Equal(257, Address(62).Length);
        Assert.False(ValidEmailCriterion.IsValidEmail(Address(62)));
    }

    [Fact]
    public void ValidEmail_Evaluate_ShowsTheEmail()
    {
        var criterion = new ValidEmailCriterion { Id = "c", Description = "d" };

        var valid = Evaluate(criterion, LeadBuilder.Empty().With(l => l.Email = "jane@example.com"));
        var invalid = Evaluate(criterion, LeadBuilder.Empty().With(l => l.Email = "jane@example"));
        var missing = Evaluate(criterion, LeadBuilder.Empty());

        Assert.True(valid.Passed);
        Assert.Equal("Email is \"jane@example.com\"", valid.Actual);
        Assert.False(invalid.Passed);
        Assert.Equal("Email is \"jane@example\"", invalid.Actual);
        Assert.False(missing.Passed);
        Assert.Equal("Email is empty", missing.Actual);
    }

    [Theory]
    [InlineData(ScoreKind.Fit, 40, true, "fit score 40, needs ≥ 40")]
    [InlineData(ScoreKind.Fit, 50, false, "fit score 40, needs ≥ 50")]
    [InlineData(ScoreKind.Engagement, 20, true, "engagement score 20, needs ≥ 20")]
    [InlineData(ScoreKind.Engagement, 21, false, "engagement score 20, needs ≥ 21")]
    [InlineData(ScoreKind.Total, 60, true, "total score 60, needs ≥ 60")]
    [InlineData(ScoreKind.Total, 61, false, "total score 60, needs ≥ 61")]
    public void ScoreAtLeast_ReadsTheStoredScore(ScoreKind score, int value, bool passed, string actual)
    {
        var criterion = new ScoreAtLeastCriterion { Id = "c", Score = score, Value = value, Description = "d" };

        var evaluation = Evaluate(criterion, LeadBuilder.Empty().WithScores(fit: 40, engagement: 20));

        Assert.Equal(passed, evaluation.Passed);
        Assert.Equal(actual, evaluation.Actual);
    }

    [Fact]
    public void ScoreAtLeast_NegativeFit_ShowsTheNegativeScore()
    {
        var criterion = new ScoreAtLeastCriterion { Id = "c", Score = ScoreKind.Fit, Value = 0, Description = "d" };

        var evaluation = Evaluate(criterion, LeadBuilder.Empty().WithScores(fit: -30, engagement: 0));

        Assert.False(evaluation.Passed);
        Assert.Equal("fit score -30, needs ≥ 0", evaluation.Actual);
    }

    [Fact]
    public void ActivityCount_AnyType_CountsActivitiesInsideTheWindow()
    {
        var criterion = new ActivityCountCriterion { Id = "c", AtLeast = 2, WithinDays = 30, Description = "d" };
        var lead = LeadBuilder.Empty()
            .WithActivity(ActivityType.PageView, daysAgo: 1)
            .WithActivity(ActivityType.Webinar, daysAgo: 29.9)
            .WithActivity(ActivityType.Meeting, daysAgo: 30.1);

        var evaluation = Evaluate(criterion, lead);

        Assert.True(evaluation.Passed);
        Assert.Equal("2 × activities in the last 30 days, needs ≥ 2", evaluation.Actual);
    }

    [Fact]
    public void ActivityCount_WindowEdge_IsInclusive()
    {
        var criterion = new ActivityCountCriterion { Id = "c", AtLeast = 1, WithinDays = 14, Description = "d" };

        Assert.True(Evaluate(criterion, LeadBuilder.Empty().WithActivity(ActivityType.Call, daysAgo: 14)).Passed);
        Assert.True(Evaluate(criterion, LeadBuilder.Empty().WithActivity(ActivityType.Call, daysAgo: 0)).Passed);
    }

    [Fact]
    public void ActivityCount_OfType_CountsOnlyThatType()
    {
        var criterion = new ActivityCountCriterion { Id = "c", ActivityType = ActivityType.Webinar, AtLeast = 2, WithinDays = 60, Description = "d" };
        var lead = LeadBuilder.Empty()
            .WithActivity(ActivityType.Webinar, daysAgo: 5)
            .WithActivity(ActivityType.PageView, daysAgo: 4)
            .WithActivity(ActivityType.PageView, daysAgo: 3);

        var evaluation = Evaluate(criterion, lead);

        Assert.False(evaluation.Passed);
        Assert.Equal("1 × Webinar in the last 60 days, needs ≥ 2", evaluation.Actual);
    }

    [Fact]
    public void ActivityCount_FutureActivities_AreIgnored()
    {
        var criterion = new ActivityCountCriterion { Id = "c", AtLeast = 1, WithinDays = 30, Description = "d" };

        var evaluation = Evaluate(criterion, LeadBuilder.Empty().WithActivity(ActivityType.Meeting, daysAgo: -2));

        Assert.False(evaluation.Passed);
        Assert.Equal("0 × activities in the last 30 days, needs ≥ 1", evaluation.Actual);
    }

    [Theory]
    [InlineData(14, true, "14 days in stage, needs ≥ 14")]
    [InlineData(20.5, true, "20 days in stage, needs ≥ 14")]
    [InlineData(13.99, false, "13 days in stage, needs ≥ 14")]
    [InlineData(0, false, "0 days in stage, needs ≥ 14")]
    [InlineData(-3, false, "0 days in stage, needs ≥ 14")]
    public void TimeInStage_ComparesDaysSinceStageEntered(double enteredDaysAgo, bool passed, string actual)
    {
        var criterion = new TimeInStageCriterion { Id = "c", Days = 14, Description = "d" };

        var evaluation = Evaluate(criterion, LeadBuilder.Empty().InState(LeadState.Nurture, enteredDaysAgo));

        Assert.Equal(passed, evaluation.Passed);
        Assert.Equal(actual, evaluation.Actual);
    }

    [Fact]
    public void TimeInStage_ZeroDays_AlwaysPasses()
    {
        var criterion = new TimeInStageCriterion { Id = "c", Days = 0, Description = "d" };

        Assert.True(Evaluate(criterion, LeadBuilder.Empty()).Passed);
    }

    [Fact]
    public void OwnerAssigned_PassesOnlyWithAnOwner()
    {
        var criterion = new OwnerAssignedCriterion { Id = "c", Description = "d" };

        var owned = Evaluate(criterion, LeadBuilder.Empty().With(l => l.OwnerId = Guid.NewGuid()));
        var unowned = Evaluate(criterion, LeadBuilder.Empty());

        Assert.True(owned.Passed);
        Assert.Equal("owner assigned", owned.Actual);
        Assert.False(unowned.Passed);
        Assert.Equal("no owner", unowned.Actual);
    }

    [Theory]
    [InlineData(ChecklistItem.Budget)]
    [InlineData(ChecklistItem.Authority)]
    [InlineData(ChecklistItem.Need)]
    [InlineData(ChecklistItem.Timeline)]
    public void ChecklistConfirmed_ReadsOnlyItsOwnItem(ChecklistItem item)
    {
        var criterion = new ChecklistConfirmedCriterion { Id = "c", Item = item, Description = "d" };
        var onlyThis = LeadBuilder.Empty().With(l =>
        {
            l.Budget = item == ChecklistItem.Budget;
            l.Authority = item == ChecklistItem.Authority;
            l.Need = item == ChecklistItem.Need;
            l.Timeline = item == ChecklistItem.Timeline;
        });
        var allButThis = LeadBuilder.Empty().With(l =>
        {
            l.Budget = item != ChecklistItem.Budget;
            l.Authority = item != ChecklistItem.Authority;
            l.Need = item != ChecklistItem.Need;
            l.Timeline = item != ChecklistItem.Timeline;
        });

        var confirmed = Evaluate(criterion, onlyThis);
        var unconfirmed = Evaluate(criterion, allButThis);

        Assert.True(confirmed.Passed);
        Assert.Equal($"{item} confirmed", confirmed.Actual);
        Assert.False(unconfirmed.Passed);
        Assert.Equal($"{item} not confirmed", unconfirmed.Actual);
    }

    public static readonly TheoryData<Criterion, bool> TimeDependence = new()
    {
        { new FieldPresentCriterion { Id = "c", Field = "company", Description = "d" }, false },
        { new FieldEqualsCriterion { Id = "c", Field = "country", Value = "US", Description = "d" }, false },
        { new FieldInCriterion { Id = "c", Field = "country", Values = ["US"], Description = "d" }, false },
        { new FieldContainsCriterion { Id = "c", Field = "title", Value = "VP", Description = "d" }, false },
        { new NumberAtLeastCriterion { Id = "c", Field = "companySize", Value = 1, Description = "d" }, false },
        { new NumberAtLeastCriterion { Id = "c", Field = "DaysInStage", Value = 1, Description = "d" }, true },
        { new NumberAtMostCriterion { Id = "c", Field = "amount", Value = 1, Description = "d" }, false },
        { new NumberAtMostCriterion { Id = "c", Field = "daysInStage", Value = 1, Description = "d" }, true },
        { new ValidEmailCriterion { Id = "c", Description = "d" }, false },
        { new ScoreAtLeastCriterion { Id = "c", Score = ScoreKind.Fit, Value = 1, Description = "d" }, false },
        { new ScoreAtLeastCriterion { Id = "c", Score = ScoreKind.Engagement, Value = 1, Description = "d" }, true },
        { new ScoreAtLeastCriterion { Id = "c", Score = ScoreKind.Total, Value = 1, Description = "d" }, true },
        { new ActivityCountCriterion { Id = "c", AtLeast = 1, WithinDays = 1, Description = "d" }, true },
        { new TimeInStageCriterion { Id = "c", Days = 1, Description = "d" }, true },
        { new OwnerAssignedCriterion { Id = "c", Description = "d" }, false },
        { new ChecklistConfirmedCriterion { Id = "c", Item = ChecklistItem.Need, Description = "d" }, false },
    };

    [Theory]
    [MemberData(nameof(TimeDependence))]
    public void DependsOnTime_OnlyForTimeActivityAndDecayingScoreCriteria(Criterion criterion, bool dependsOnTime)
    {
        Assert.Equal(dependsOnTime, criterion.DependsOnTime);
    }

    public static readonly TheoryData<Criterion> EveryKind = new(
        ((IEnumerable<object[]>)TimeDependence).Select(row => (Criterion)row[0]).Concat(
        [
            new FieldInCriterion { Id = "c", Field = "industry", Values = [" software ", "Retail"], Description = "d" },
            new FieldEqualsCriterion { Id = "c", Field = "custom.tier", Value = " Gold ", Description = "d" },
            new FieldPresentCriterion { Id = "c", Field = "budget", Description = "d" },
            new ActivityCountCriterion { Id = "c", ActivityType = ActivityType.Webinar, AtLeast = 1, WithinDays = 7, Description = "d" },
            new ActivityCountCriterion { Id = "c", AtLeast = 2, WithinDays = 30, Description = "d" },
            new TimeInStageCriterion { Id = "c", Days = 20, Description = "d" },
        ]));

    /// <summary>Scoring and automatic moves ask <see cref="Criterion.Holds"/>; the trace records <see cref="Criterion.Evaluate"/>: they may never disagree.</summary>
    [Theory]
    [MemberData(nameof(EveryKind))]
    public void Holds_IsEvaluatesVerdict_OnLeadsThatPassAndFail(Criterion criterion)
    {
        var leads = new[]
        {
            LeadBuilder.Empty(),
            LeadBuilder.Ready(LeadState.Nurture),
            LeadBuilder.Ready(LeadState.SQL).With(l => l.Budget = false).WithScores(0, 1),
            LeadBuilder.Ready().With(l =>
            {
                l.Industry = "Software";
                l.Title = "VP Sales";
                l.Country = " US ";
                l.CompanySize = 1;
                l.Amount = 0.5m;
                l.Email = "not an email";
            }).WithCustom("tier", "gold").WithActivity(ActivityType.Meeting, daysAgo: 0.5).WithActivity(ActivityType.Webinar, daysAgo: 40),
        };

        foreach (var facts in leads.Select(l => l.Facts()))
        {
            Assert.Equal(criterion.Evaluate(facts).Passed, criterion.Holds(facts));
        }
    }

    [Fact]
    public void EveryKind_CoversEveryCriterionKind()
    {
        var kinds = typeof(Criterion).GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonDerivedTypeAttribute), false)
            .Cast<System.Text.Json.Serialization.JsonDerivedTypeAttribute>()
            .Select(a => a.DerivedType);

        Assert.Equal(kinds.Order(Comparer<Type>.Create((a, b) => string.CompareOrdinal(a.Name, b.Name))),
            ((IEnumerable<object[]>)EveryKind).Select(row => row[0].GetType()).Distinct().Order(Comparer<Type>.Create((a, b) => string.CompareOrdinal(a.Name, b.Name))));
    }
}
