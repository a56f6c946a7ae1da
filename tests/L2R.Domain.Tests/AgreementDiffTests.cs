using L2R.Domain.Agreements;
using L2R.Domain.Leads;

namespace L2R.Domain.Tests;

public class AgreementDiffTests
{
    [Fact]
    public void Compare_SameAgreement_HasNoChanges() =>
        Assert.Empty(AgreementDiff.Compare(DefaultAgreement.Create(), DefaultAgreement.Create()));

    [Fact]
    public void Compare_RaisedMqlFitThreshold_SaysSoInPlainLanguage()
    {
        var before = DefaultAgreement.Create();
        var after = before.WithCriteria(LeadTrigger.Qualify,
            new ScoreAtLeastCriterion { Id = "mql-fit", Score = ScoreKind.Fit, Value = 40, Description = "Fit score at least 30" },
            new ScoreAtLeastCriterion { Id = "mql-engagement", Score = ScoreKind.Engagement, Value = 25, Description = "Engagement score at least 25" },
            new ActivityCountCriterion { Id = "mql-recent", AtLeast = 1, WithinDays = 30, Description = "At least one activity in the last 30 days" });

        var change = Assert.Single(AgreementDiff.Compare(before, after));

        Assert.Equal(ChangeArea.Transition, change.Area);
        Assert.Equal("Qualify: fit score threshold 30 → 40", change.Description);
    }

    [Fact]
    public void Compare_AddedAndRemovedCriteria_RolesAndAutoAdvance_AreEachListed()
    {
        var before = DefaultAgreement.Create();
        var after = before
            .WithRule(LeadTrigger.Accept, r => r with
            {
                Roles = [Role.Sales, Role.Admin],
                Criteria = [new OwnerAssignedCriterion { Id = "sal-owner", Description = "An owner is assigned" }],
            })
            .WithRule(LeadTrigger.Score, r => r with { AutoAdvance = false })
            .WithRule(LeadTrigger.Qualify, r => r with { IntegrationMayFire = false })
            .WithRule(LeadTrigger.Win, r => r with { IntegrationMayFire = true });

        var descriptions = AgreementDiff.Compare(before, after).Select(c => c.Description).ToList();

        Assert.Contains("Accept: who may fire it Sales → Sales and Admin", descriptions);
        Assert.Contains("Accept: criterion removed: A phone number to call", descriptions);
        Assert.Contains("Accept: criterion added: An owner is assigned", descriptions);
        Assert.Contains("Score: no longer advances automatically", descriptions);
        Assert.Contains("Qualify: integrations may no longer fire it", descriptions);
        Assert.Contains("Win: integrations may now fire it", descriptions);
    }

    [Fact]
    public void Compare_ScoringReasonsAndSlas_AreDescribed()
    {
        var before = DefaultAgreement.Create();
        var after = before with
        {
            Scoring = before.Scoring with
            {
                FitRules = [.. before.Scoring.FitRules.Select(r => r.Id == "title-vp" ? r with { Points = 25 } : r)],
                EngagementRules = [.. before.Scoring.EngagementRules.Select(r => r.ActivityType == ActivityType.Webinar ? r with { HalfLifeDays = 60 } : r)],
            },
            Reasons = before.Reasons with { Reject = [.. before.Reasons.Reject, new Reason("wrong-region", "Wrong region")] },
            Slas = before.Slas with { MqlResponseHours = 8 },
        };

        var descriptions = AgreementDiff.Compare(before, after).Select(c => c.Description).ToList();

        Assert.Contains("Title contains \"VP\": +15 points → +25 points", descriptions);
        Assert.Contains("Webinar: half-life 30 days → 60 days", descriptions);
        Assert.Contains("Reject reason added: Wrong region (wrong-region)", descriptions);
        Assert.Contains("MQL response: target (hours) 24 → 8", descriptions);
    }

    [Fact]
    public void Compare_SlaTerms_AddedRemovedAndChangedByProperty()
    {
        var first = new SlaTerm { Id = "first-touch", Name = "First touch", StopTouches = [ActivityType.Call], TargetHours = 4 };
        var before = DefaultAgreement.Create() with { Slas = new SlaTerms { Terms = [first, new SlaTerm { Id = "old", Name = "Old", StopTriggers = [LeadTrigger.Accept], TargetHours = 8 }] } };
        var after = before with
        {
            Slas = new SlaTerms
            {
                Terms =
                [
                    first with { TargetHours = 2, StopTouches = [ActivityType.Call, ActivityType.EmailSent], Basis = SlaTimeBasis.CalendarHours },
                    new SlaTerm { Id = "sal", Name = "SAL to SQL", StartStage = LeadState.SalesAccepted, StopTriggers = [LeadTrigger.QualifyForSales], TargetHours = 72 },
                ],
            },
        };

        var descriptions = AgreementDiff.Compare(before, after).Where(c => c.Area == ChangeArea.Slas).Select(c => c.Description).ToList();

        Assert.Equal(
            ["SLA removed: Old", "First touch: met by touches Call → Call, EmailSent", "First touch: target (hours) 4 → 2",
             "First touch: counted in BusinessHours → CalendarHours", "SLA added: SAL to SQL, 72 h from entering SalesAccepted"],
            descriptions);
    }

    [Fact]
    public void Compare_DisputedClauses_SayWhichClauseInItsWords()
    {
        var before = DefaultAgreement.Create();
        var after = before with
        {
            Reasons = before.Reasons with
            {
                Reject = [.. before.Reasons.Reject.Select(r => r.Code switch
                {
                    "no-need" => r with { Disputes = "mql-fit" },
                    "not-decision-maker" => r with { Disputes = null },
                    _ => r,
                }), new Reason("fake-name", "Fake name", Reason.DataQuality)],
            },
        };

        var descriptions = AgreementDiff.Compare(before, after).Select(c => c.Description).ToList();

        Assert.Equal(
            [
                "Reject reason not-decision-maker no longer disputes “Title contains \"VP\"”",
                "Reject reason no-need disputes “Fit score at least 30”",
                "Reject reason added: Fake name (fake-name)",
                "Reject reason fake-name disputes “Data quality: contact data wrong, missing or fake”",
            ],
            descriptions);
    }

    [Fact]
    public void Compare_DriftAlarms_AreDescribedAsShares()
    {
        var before = DefaultAgreement.Create();
        var after = before with { Drift = new DriftAlarms { MqlAcceptanceFloor = 0.6, RejectRateCeiling = 0.35, WindowDays = 14, MinimumSample = 10 } };

        var changes = AgreementDiff.Compare(before, after);

        Assert.All(changes, c => Assert.Equal(ChangeArea.Alarms, c.Area));
        Assert.Equal(
            ["MQL acceptance floor none → 60%", "Reject-rate ceiling none → 35%", "Alarm window 30 days → 14 days", "Alarms need 20 → 10 decisions"],
            changes.Select(c => c.Description));
    }
}
