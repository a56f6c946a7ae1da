using System.Text.Json;
using L2R.Domain.Agreements;
using L2R.Domain.Leads;
using L2R.Domain.Reviews;

namespace L2R.Domain.Tests;

public class AgreementAmendmentTests
{
    private static readonly LeadAgreement Default = DefaultAgreement.Create();

    private static Criterion CriterionOf(LeadAgreement agreement, LeadTrigger trigger, string id) =>
        agreement.RuleFor(trigger).Criteria.Single(c => c.Id == id);

    [Fact]
    public void SetCriterionValue_RaisesTheEngagementThreshold_AndLeavesTheRestAlone()
    {
        var changed = new SetCriterionValueChange(LeadTrigger.Qualify, "mql-engagement", 30).ApplyTo(Default);

        Assert.Equal(30, Assert.IsType<ScoreAtLeastCriterion>(CriterionOf(changed, LeadTrigger.Qualify, "mql-engagement")).Value);
        Assert.Equal(CriterionOf(Default, LeadTrigger.Qualify, "mql-fit"), CriterionOf(changed, LeadTrigger.Qualify, "mql-fit"));
        Assert.Single(AgreementDiff.Compare(Default, changed));
        Assert.Empty(AgreementValidator.Validate(changed));
    }

    [Theory]
    [InlineData(LeadTrigger.Qualify, "mql-recent", 2)]
    [InlineData(LeadTrigger.Convert, "opp-amount", 5000)]
    public void SetCriterionValue_SetsTheNumberOfEachNumericKind(LeadTrigger trigger, string id, int value)
    {
        var changed = new SetCriterionValueChange(trigger, id, value).ApplyTo(Default);

        Assert.Single(AgreementDiff.Compare(Default, changed));
    }

    [Theory]
    [InlineData(LeadTrigger.Qualify, "no-such", 3, "criterionId")]
    [InlineData(LeadTrigger.Accept, "sal-phone", 3, "criterionId")]
    [InlineData(LeadTrigger.Qualify, "mql-fit", 30.5, "value")]
    public void SetCriterionValue_ThatCannotApply_NamesTheField(LeadTrigger trigger, string id, double value, string field)
    {
        var refused = Assert.Throws<AmendmentException>(() => new SetCriterionValueChange(trigger, id, (decimal)value).ApplyTo(Default));

        Assert.Equal(field, refused.Field);
    }

    [Fact]
    public void AddReason_AppendsIt_WithTheClauseItDisputes()
    {
        var changed = new AddReasonChange(ReasonListKind.Disqualify, "competitor-x", "Competitor X customer", "industry-target").ApplyTo(Default);

        Assert.Equal(new Reason("competitor-x", "Competitor X customer", "industry-target"), changed.Reasons.Disqualify[^1]);
        Assert.Equal(Default.Reasons.Reject, changed.Reasons.Reject);
        Assert.Empty(AgreementValidator.Validate(changed));
    }

    [Fact]
    public void AddReason_WithACodeTheListHas_IsRefused()
    {
        Assert.Equal("code", Assert.Throws<AmendmentException>(() => new AddReasonChange(ReasonListKind.Reject, "no-need", "Again").ApplyTo(Default)).Field);
    }

    [Fact]
    public void AddReason_DisputingAnUnknownClause_LeavesAnAgreementTheValidatorRefuses()
    {
        var changed = new AddReasonChange(ReasonListKind.Reject, "odd", "Odd", "no-such-clause").ApplyTo(Default);

        Assert.NotEmpty(AgreementValidator.Validate(changed));
    }

    [Fact]
    public void RetireReason_TakesItOff_AndAnUnknownOneIsRefused()
    {
        var changed = new RetireReasonChange(ReasonListKind.Reject, "too-early").ApplyTo(Default);

        Assert.DoesNotContain(changed.Reasons.Reject, r => r.Code == "too-early");
        Assert.Equal(Default.Reasons.Reject.Count - 1, changed.Reasons.Reject.Count);
        Assert.Throws<AmendmentException>(() => new RetireReasonChange(ReasonListKind.Reject, "too-early").ApplyTo(changed));
    }

    [Fact]
    public void SetRulePoints_ChangesAFitRule_OrAnEngagementRuleByItsActivity()
    {
        var fit = new SetRulePointsChange(ScoringRuleKind.Fit, "title-vp", 25).ApplyTo(Default);
        var engagement = new SetRulePointsChange(ScoringRuleKind.Engagement, nameof(ActivityType.Webinar), 40).ApplyTo(Default);

        Assert.Equal(25, fit.Scoring.FitRules.Single(r => r.Id == "title-vp").Points);
        Assert.Equal(40, engagement.Scoring.EngagementRules.Single(r => r.ActivityType == ActivityType.Webinar).Points);
        Assert.Equal("ruleId", Assert.Throws<AmendmentException>(() => new SetRulePointsChange(ScoringRuleKind.Fit, "nope", 1).ApplyTo(Default)).Field);
    }

    [Fact]
    public void SetSlaTarget_WritesOutTheTermsOfAnAgreementThatHadOnlyTheNumbers()
    {
        var changed = new SetSlaTargetChange(SlaTerms.MqlResponseId, 8).ApplyTo(Default);

        Assert.Equal(Default.Slas.Effective().Select(t => t.Id), changed.Slas.Terms.Select(t => t.Id));
        Assert.Equal(8, changed.Slas.Terms.Single(t => t.Id == SlaTerms.MqlResponseId).TargetHours);
        Assert.Equal(14 * 24, changed.Slas.Terms.Single(t => t.Id == SlaTerms.SalesAcceptedToSqlId).TargetHours);
        Assert.Equal("termId", Assert.Throws<AmendmentException>(() => new SetSlaTargetChange("nope", 8).ApplyTo(Default)).Field);
    }

    [Fact]
    public void EachKind_AimsAtTheMeasureItShouldMove()
    {
        Assert.Equal(ReviewMeasure.MqlAcceptance, new SetCriterionValueChange(LeadTrigger.Qualify, "mql-fit", 40).AimsAt);
        Assert.Equal(new ReviewMeasure(ReviewMeasureKind.StageConversion, Stage: LeadState.SQL), new SetCriterionValueChange(LeadTrigger.Convert, "opp-amount", 2).AimsAt);
        Assert.Equal(ReviewMeasure.ReasonCount(ReasonListKind.Reject, "no-need"), new RetireReasonChange(ReasonListKind.Reject, "no-need").AimsAt);
        Assert.Equal(LeadTrigger.Reject, ReviewMeasure.ReasonCount(ReasonListKind.Reject, "no-need").ReasonTrigger);
        Assert.Equal(ReviewMeasure.MqlAcceptance, new SetRulePointsChange(ScoringRuleKind.Fit, "title-vp", 25).AimsAt);
        Assert.Equal(ReviewMeasure.SlaCompliance("mql-response"), new SetSlaTargetChange("mql-response", 8).AimsAt);
    }

    [Fact]
    public void Amendments_RoundTripAsJson_WithTheirKind()
    {
        AgreementAmendment amendment = new SetRulePointsChange(ScoringRuleKind.Fit, "title-vp", 25);

        var json = JsonSerializer.Serialize(amendment, AgreementJson.Options);

        Assert.Contains("\"kind\":\"setRulePoints\"", json, StringComparison.Ordinal);
        Assert.Equal(amendment, JsonSerializer.Deserialize<AgreementAmendment>(json, AgreementJson.Options));
    }
}
