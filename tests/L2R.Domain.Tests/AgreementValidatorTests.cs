using L2R.Domain.Agreements;
using L2R.Domain.Leads;

namespace L2R.Domain.Tests;

public class AgreementValidatorTests
{
    private static readonly LeadAgreement Default = DefaultAgreement.Create();

    private static AgreementIssue SingleIssue(LeadAgreement agreement) => Assert.Single(AgreementValidator.Validate(agreement));

    private static LeadAgreement WithFitRule(FitRule rule) =>
        Default with { Scoring = Default.Scoring with { FitRules = [.. Default.Scoring.FitRules, rule] } };

    private static string FitRulePath => $"scoring.fitRules[{Default.Scoring.FitRules.Count}]";

    private static string CriterionPath(LeadTrigger trigger, int index) => $"transitions[{Default.IndexOf(trigger)}].criteria[{index}]";

    [Fact]
    public void Validate_DefaultAgreement_IsValid()
    {
        Assert.Empty(AgreementValidator.Validate(DefaultAgreement.Create()));
    }

    [Fact]
    public void Validate_UnknownFieldInGuard_ReportsTheCriterionField()
    {
        var agreement = Default.WithCriteria(
            LeadTrigger.Accept,
            new FieldPresentCriterion { Id = "sal-phone", Field = "mobile", Description = "A mobile number" });

        var issue = SingleIssue(agreement);

        Assert.Equal($"{CriterionPath(LeadTrigger.Accept, 0)}.field", issue.Path);
        Assert.Equal("transitions[2].criteria[0].field", issue.Path);
        Assert.Contains("\"mobile\"", issue.Message);
    }

    [Fact]
    public void Validate_UnknownFieldInFitRule_ReportsTheConditionField()
    {
        var agreement = WithFitRule(new("region", new FieldEqualsCriterion { Id = "region", Field = "region", Value = "EMEA", Description = "In EMEA" }, 5));

        Assert.Equal($"{FitRulePath}.condition.field", SingleIssue(agreement).Path);
    }

    [Fact]
    public void Validate_CustomField_IsKnown()
    {
        var agreement = WithFitRule(new("tier", new FieldEqualsCriterion { Id = "tier", Field = "custom.tier", Value = "Gold", Description = "Gold tier" }, 5));

        Assert.Empty(AgreementValidator.Validate(agreement));
    }

    [Fact]
    public void Validate_NegativeNumberThreshold_ReportsTheValue()
    {
        var agreement = Default.WithCriteria(
            LeadTrigger.Convert,
            new NumberAtLeastCriterion { Id = "opp-amount", Field = "amount", Value = -1, Description = "Amount" });

        Assert.Equal($"{CriterionPath(LeadTrigger.Convert, 0)}.value", SingleIssue(agreement).Path);
    }

    [Fact]
    public void Validate_NegativeScoreThreshold_ReportsTheValue()
    {
        var rule = Default.RuleFor(LeadTrigger.Qualify);
        var agreement = Default.WithCriteria(
            LeadTrigger.Qualify,
            rule.Criteria[0],
            new ScoreAtLeastCriterion { Id = "mql-engagement", Score = ScoreKind.Engagement, Value = -5, Description = "Engagement" });

        var issue = SingleIssue(agreement);

        Assert.Equal($"{CriterionPath(LeadTrigger.Qualify, 1)}.value", issue.Path);
        Assert.Equal("transitions[1].criteria[1].value", issue.Path);
    }

    [Fact]
    public void Validate_NumericComparisonOnTextField_ReportsTheField()
    {
        var agreement = Default.WithCriteria(
            LeadTrigger.Win,
            new NumberAtMostCriterion { Id = "won-title", Field = "title", Value = 3, Description = "Short title" });

        var issue = SingleIssue(agreement);

        Assert.Equal($"{CriterionPath(LeadTrigger.Win, 0)}.field", issue.Path);
        Assert.Equal("A numeric comparison needs a numeric field.", issue.Message);
    }

    [Theory]
    [InlineData(LeadTrigger.Reject, "reasons.reject")]
    [InlineData(LeadTrigger.Recycle, "reasons.recycle")]
    [InlineData(LeadTrigger.Lose, "reasons.loss")]
    [InlineData(LeadTrigger.Disqualify, "reasons.disqualify")]
    [InlineData(LeadTrigger.Reopen, "reasons.reopen")]
    public void Validate_EmptyReasonListForReasonRequiringTrigger_ReportsTheList(LeadTrigger trigger, string path)
    {
        var reasons = LeadWorkflow.ReasonListOf(trigger) switch
        {
            ReasonListKind.Reject => Default.Reasons with { Reject = [] },
            ReasonListKind.Recycle => Default.Reasons with { Recycle = [] },
            ReasonListKind.Loss => Default.Reasons with { Loss = [] },
            ReasonListKind.Disqualify => Default.Reasons with { Disqualify = [] },
            ReasonListKind.Reopen => Default.Reasons with { Reopen = [] },
            _ => throw new ArgumentOutOfRangeException(nameof(trigger)),
        };

        var issue = SingleIssue(Default with { Reasons = reasons });

        Assert.Equal(path, issue.Path);
        Assert.Contains(trigger.ToString(), issue.Message);
    }

    public static readonly TheoryData<Criterion> ScoreConditions = new()
    {
        new ScoreAtLeastCriterion { Id = "self", Score = ScoreKind.Total, Value = 10, Description = "Total at least 10" },
        new ScoreAtLeastCriterion { Id = "self", Score = ScoreKind.Fit, Value = 10, Description = "Fit at least 10" },
        new NumberAtLeastCriterion { Id = "self", Field = "fitScore", Value = 10, Description = "Fit at least 10" },
        new NumberAtLeastCriterion { Id = "self", Field = "EngagementScore", Value = 10, Description = "Engagement at least 10" },
        new NumberAtMostCriterion { Id = "self", Field = "totalScore", Value = 10, Description = "Total at most 10" },
    };

    [Theory]
    [MemberData(nameof(ScoreConditions))]
    public void Validate_FitRuleDependingOnAScore_ReportsTheCondition(Criterion condition)
    {
        var issue = SingleIssue(WithFitRule(new("self", condition, 5)));

        Assert.Equal($"{FitRulePath}.condition", issue.Path);
        Assert.Contains("score", issue.Message);
    }

    [Fact]
    public void Validate_ScoreCriterionInAGuard_IsFine()
    {
        var agreement = Default.WithCriteria(
            LeadTrigger.Accept,
            new NumberAtLeastCriterion { Id = "sal-total", Field = "totalScore", Value = 50, Description = "Total score at least 50" });

        Assert.Empty(AgreementValidator.Validate(agreement));
    }

    [Fact]
    public void Validate_DuplicateCriterionIds_ReportsTheGuard()
    {
        var agreement = Default.WithCriteria(
            LeadTrigger.QualifyForSales,
            new ChecklistConfirmedCriterion { Id = "sql-budget", Item = ChecklistItem.Budget, Description = "Budget confirmed" },
            new ChecklistConfirmedCriterion { Id = "bant", Item = ChecklistItem.Need, Description = "Need confirmed" },
            new ChecklistConfirmedCriterion { Id = "bant", Item = ChecklistItem.Timeline, Description = "Timeline confirmed" });

        var issue = SingleIssue(agreement);

        Assert.Equal($"transitions[{Default.IndexOf(LeadTrigger.QualifyForSales)}].criteria", issue.Path);
        Assert.Contains("\"bant\"", issue.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-7)]
    public void Validate_HalfLifeNotPositive_ReportsTheRule(double halfLife)
    {
        var rules = Default.Scoring.EngagementRules.ToList();
        var index = rules.FindIndex(r => r.ActivityType == ActivityType.Webinar);
        rules[index] = rules[index] with { HalfLifeDays = halfLife };

        var issue = SingleIssue(Default with { Scoring = Default.Scoring with { EngagementRules = rules } });

        Assert.Equal($"scoring.engagementRules[{index}].halfLifeDays", issue.Path);
    }

    [Fact]
    public void Validate_TwoEngagementRulesForOneType_ReportsTheRules()
    {
        var agreement = Default with
        {
            Scoring = Default.Scoring with { EngagementRules = [.. Default.Scoring.EngagementRules, new(ActivityType.Call, 5, 10)] },
        };

        var issue = SingleIssue(agreement);

        Assert.Equal("scoring.engagementRules", issue.Path);
        Assert.Contains("Call", issue.Message);
    }

    [Fact]
    public void Validate_TriggerDefinedTwice_ReportsTransitions()
    {
        var agreement = Default with { Transitions = [.. Default.Transitions, Default.RuleFor(LeadTrigger.Win)] };

        var issue = SingleIssue(agreement);

        Assert.Equal("transitions", issue.Path);
        Assert.Contains("Win", issue.Message);
    }

    [Fact]
    public void Validate_RuleNobodyCanFire_ReportsItsRoles()
    {
        var agreement = Default.WithRule(LeadTrigger.Convert, r => r with { Roles = [] });

        Assert.Equal($"transitions[{Default.IndexOf(LeadTrigger.Convert)}].roles", SingleIssue(agreement).Path);
    }

    [Fact]
    public void Validate_RuleOnlyIntegrationsMayFire_IsFine()
    {
        var agreement = Default.WithRule(LeadTrigger.Convert, r => r with { Roles = [], IntegrationMayFire = true });

        Assert.Empty(AgreementValidator.Validate(agreement));
    }

    [Fact]
    public void Validate_AutoAdvanceRuleWithoutRoles_IsFine()
    {
        var agreement = Default.WithRule(LeadTrigger.Score, r => r with { Roles = [] });

        Assert.Empty(AgreementValidator.Validate(agreement));
    }

    public static readonly TheoryData<Criterion, string> BadCriteria = new()
    {
        { new FieldPresentCriterion { Id = " ", Field = "phone", Description = "Phone" }, "id" },
        { new FieldPresentCriterion { Id = "p", Field = "phone", Description = "" }, "description" },
        { new ActivityCountCriterion { Id = "a", AtLeast = 0, WithinDays = 30, Description = "Any" }, "atLeast" },
        { new ActivityCountCriterion { Id = "a", AtLeast = 1, WithinDays = 0, Description = "Any" }, "withinDays" },
        { new TimeInStageCriterion { Id = "t", Days = -1, Description = "Time" }, "days" },
        { new FieldInCriterion { Id = "i", Field = "industry", Values = [], Description = "Industry" }, "values" },
        { new FieldEqualsCriterion { Id = "e", Field = "country", Value = " ", Description = "Country" }, "value" },
        { new FieldContainsCriterion { Id = "c", Field = "title", Value = "", Description = "Title" }, "value" },
    };

    [Theory]
    [MemberData(nameof(BadCriteria))]
    public void Validate_MalformedCriterion_ReportsTheProperty(Criterion criterion, string property)
    {
        var agreement = Default.WithCriteria(LeadTrigger.Accept, criterion);

        Assert.Equal($"{CriterionPath(LeadTrigger.Accept, 0)}.{property}", SingleIssue(agreement).Path);
    }

    [Fact]
    public void Validate_FitRuleWithoutId_ReportsTheId()
    {
        var agreement = WithFitRule(new("", new FieldPresentCriterion { Id = "web", Field = "website", Description = "Has a website" }, 5));

        Assert.Equal($"{FitRulePath}.id", SingleIssue(agreement).Path);
    }

    [Fact]
    public void Validate_ReasonWithoutCodeOrLabel_ReportsEach()
    {
        var agreement = Default with { Reasons = Default.Reasons with { Loss = [new("price", "Price"), new("", "Other"), new("timing", " ")] } };

        var issues = AgreementValidator.Validate(agreement);

        Assert.Equal(["reasons.loss[1].code", "reasons.loss[2].label"], issues.Select(i => i.Path));
    }

    [Fact]
    public void Validate_DuplicateReasonCodeIgnoringCase_ReportsTheList()
    {
        var agreement = Default with { Reasons = Default.Reasons with { Reject = [.. Default.Reasons.Reject, new("No-Need", "Nothing needed")] } };

        var issue = SingleIssue(agreement);

        Assert.Equal("reasons.reject", issue.Path);
        Assert.Contains("no-need", issue.Message);
    }

    [Fact]
    public void Validate_SameCodeInDifferentLists_IsFine()
    {
        Assert.Contains(Default.Reasons.Loss, r => r.Code == "competitor");
        Assert.Contains(Default.Reasons.Disqualify, r => r.Code == "competitor");
        Assert.Empty(AgreementValidator.Validate(Default));
    }

    [Theory]
    [InlineData(-1, 14, "slas.mqlResponseHours")]
    [InlineData(24, -1, "slas.salesAcceptedToSqlDays")]
    public void Validate_NegativeSla_ReportsTheTerm(int hours, int days, string path)
    {
        var agreement = Default with { Slas = new SlaTerms { MqlResponseHours = hours, SalesAcceptedToSqlDays = days } };

        Assert.Equal(path, SingleIssue(agreement).Path);
    }

    [Fact]
    public void Validate_BadSlaTerms_ReportEachProblemByPath()
    {
        var good = new SlaTerm { Id = "t", StopTriggers = [LeadTrigger.Accept], TargetHours = 4 };
        var agreement = Default with
        {
            Slas = new SlaTerms
            {
                Terms =
                [
                    good,
                    good with { StopTriggers = [LeadTrigger.Convert], TargetHours = 0, WarningPercent = 100 },
                    good with { Id = "u", StopTriggers = [], PausingStages = [LeadState.MQL], OnBreach = new SlaBreachAction { EscalateTo = SlaEscalation.Role } },
                    good with { Id = "v", StartStage = LeadState.Won },
                ],
            },
        };

        var paths = AgreementValidator.Validate(agreement).Select(i => i.Path).ToList();

        Assert.Equal(
            ["slas.terms", "slas.terms[1].stopTriggers", "slas.terms[1].targetHours", "slas.terms[1].warningPercent",
             "slas.terms[2].stopTriggers", "slas.terms[2].pausingStages", "slas.terms[2].onBreach.role",
             "slas.terms[3].startStage", "slas.terms[3].stopTriggers"],
            paths);
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEveryOne()
    {
        var agreement = Default.WithCriteria(
                LeadTrigger.Accept,
                new FieldPresentCriterion { Id = "x", Field = "nope", Description = "Nope" },
                new FieldPresentCriterion { Id = "x", Field = "phone", Description = "Phone" })
            with
        {
            Slas = new SlaTerms { MqlResponseHours = -1 },
            Reasons = Default.Reasons with { Reopen = [] },
        };

        var paths = AgreementValidator.Validate(agreement).Select(i => i.Path).ToList();

        Assert.Equal(4, paths.Count);
        Assert.Contains("transitions[2].criteria[0].field", paths);
        Assert.Contains("transitions[2].criteria", paths);
        Assert.Contains("reasons.reopen", paths);
        Assert.Contains("slas.mqlResponseHours", paths);
    }

    [Fact]
    public void Validate_DefaultReasons_EachDisputeOneClause()
    {
        var clauses = Default.Reasons.Reject.Concat(Default.Reasons.Recycle).Concat(Default.Reasons.Disqualify)
            .Where(r => r.Disputes is not null)
            .ToDictionary(r => r.Code + "/" + r.Disputes, r => Default.FindClause(r.Disputes!));

        Assert.All(clauses.Values, Assert.NotNull);
        Assert.Equal(("Budget confirmed", ClauseKind.Criterion, LeadTrigger.QualifyForSales), clauses["no-budget/sql-budget"] is { } c ? (c.Description, c.Kind, c.Trigger!.Value) : default);
        Assert.Equal(ClauseKind.FitRule, clauses["not-decision-maker/title-vp"]!.Kind);
        Assert.Equal(ClauseKind.DataQuality, clauses["spam/data-quality"]!.Kind);
    }

    [Fact]
    public void Validate_AReasonDisputingAnUnknownClause_ReportsItsDisputes()
    {
        var agreement = Default with { Reasons = Default.Reasons with { Reject = [new Reason("no-need", "No need", "mql-budget")] } };

        var issue = SingleIssue(agreement);

        Assert.Equal("reasons.reject[0].disputes", issue.Path);
        Assert.Contains("\"mql-budget\"", issue.Message);
    }

    [Fact]
    public void Validate_AReasonDisputingAnIdTwoClausesShare_AsksForDifferentIds()
    {
        var agreement = Default
            .WithCriteria(LeadTrigger.Accept, new OwnerAssignedCriterion { Id = "sql-budget", Description = "An owner is assigned" })
            with
            { Reasons = Default.Reasons with { Recycle = [new Reason("no-budget", "No budget", "sql-budget")] } };

        var issue = SingleIssue(agreement);

        Assert.Equal("reasons.recycle[0].disputes", issue.Path);
        Assert.Contains("a criterion of Accept, a criterion of QualifyForSales", issue.Message);
    }

    [Fact]
    public void Validate_AReasonWithoutAClauseOrWithDataQuality_IsFine()
    {
        var agreement = Default with { Reasons = Default.Reasons with { Loss = [new Reason("price", "Price"), new Reason("fake", "Fake", Reason.DataQuality)] } };

        Assert.Empty(AgreementValidator.Validate(agreement));
    }

    [Theory]
    [InlineData(-0.1, null, 30, 20, "drift.mqlAcceptanceFloor")]
    [InlineData(null, 1.5, 30, 20, "drift.rejectRateCeiling")]
    [InlineData(0.5, 0.3, 0, 20, "drift.windowDays")]
    [InlineData(0.5, 0.3, 400, 20, "drift.windowDays")]
    [InlineData(0.5, 0.3, 30, 0, "drift.minimumSample")]
    public void Validate_DriftAlarmsOutOfRange_ReportTheField(double? floor, double? ceiling, int windowDays, int minimumSample, string path)
    {
        var agreement = Default with { Drift = new DriftAlarms { MqlAcceptanceFloor = floor, RejectRateCeiling = ceiling, WindowDays = windowDays, MinimumSample = minimumSample } };

        Assert.Equal(path, SingleIssue(agreement).Path);
    }
}

public class AgreementValidatorReviewTests
{
    [Fact]
    public void Validate_AutoAdvanceOnAReasonTrigger_IsRefused()
    {
        var agreement = DefaultAgreement.Create().WithRule(LeadTrigger.Reject, r => r with { AutoAdvance = true });

        var issue = Assert.Single(AgreementValidator.Validate(agreement));

        Assert.Equal($"transitions[{agreement.IndexOf(LeadTrigger.Reject)}].autoAdvance", issue.Path);
    }

    [Fact]
    public void Validate_FitRuleOnActivity_IsRefused()
    {
        var agreement = DefaultAgreement.Create() with
        {
            Scoring = new ScoringModel
            {
                FitRules = [.. DefaultAgreement.Create().Scoring.FitRules, new FitRule("busy", new ActivityCountCriterion { Id = "busy", AtLeast = 3, WithinDays = 7, Description = "Busy" }, 5)],
            },
        };

        var issue = Assert.Single(AgreementValidator.Validate(agreement));

        Assert.Equal($"scoring.fitRules[{agreement.Scoring.FitRules.Count - 1}].condition", issue.Path);
    }
}
