using System.Text.Json.Nodes;
using L2R.Domain.Agreements;
using L2R.Domain.Leads;
using L2R.Domain.Metrics;

namespace L2R.Domain.Tests;

public sealed class ScorecardTests
{
    private static readonly SlaSample NoClocks = new(0, 0, []);

    private static ScorecardGoal Goal(ScorecardMeasure measure, double target, int minimumSample = 10) =>
        new() { Id = measure.ToString(), Measure = measure, Target = target, MinimumSample = minimumSample };

    /// <summary>A period-mode waterfall in which only the given exits happened.</summary>
    private static IReadOnlyList<StageFigures> Stages(
        (int Accepted, int Rejected) mql = default, (int Advanced, int Recycled) salesAccepted = default, (int Advanced, int Lost) sql = default, (int Won, int Lost) opportunity = default) =>
        WaterfallStages.Rows.Select(stage => stage switch
        {
            LeadState.MQL => Figures(stage, advanced: mql.Accepted, rejected: mql.Rejected),
            LeadState.SalesAccepted => Figures(stage, advanced: salesAccepted.Advanced, recycled: salesAccepted.Recycled),
            LeadState.SQL => Figures(stage, advanced: sql.Advanced, lost: sql.Lost),
            LeadState.Opportunity => Figures(stage, won: opportunity.Won, lost: opportunity.Lost),
            _ => Figures(stage),
        }).ToList();

    private static StageFigures Figures(LeadState stage, int advanced = 0, int rejected = 0, int recycled = 0, int lost = 0, int won = 0) =>
        new(stage, 0, 0, 0, advanced, rejected, recycled, 0, lost, won, 0, null, null, null, null, null, null, null, null);

    [Theory]
    [InlineData(ScorecardMeasure.MqlAcceptanceRate, 0.6, 0.6, true)]
    [InlineData(ScorecardMeasure.MqlAcceptanceRate, 0.61, 0.6, false)]
    [InlineData(ScorecardMeasure.MqlRejectRate, 0.4, 0.4, true)]
    [InlineData(ScorecardMeasure.MqlRejectRate, 0.39, 0.4, false)]
    public void Read_MqlDecisions_MeetsInTheMeasuresDirection_ATargetReachedExactlyIsMet(ScorecardMeasure measure, double target, double value, bool met)
    {
        var reading = ScorecardReader.Read(Goal(measure, target), Stages(mql: (60, 40)), NoClocks);

        Assert.Equal((value, 100, met), (reading.Value!.Value, reading.Sample, reading.Met!.Value));
    }

    [Fact]
    public void Read_StageConversions_CountOnlyEntriesThatLeft_AndWinRateOnlyClosedOpportunities()
    {
        var stages = Stages(salesAccepted: (30, 10), sql: (12, 8), opportunity: (8, 12));

        var toSql = ScorecardReader.Read(Goal(ScorecardMeasure.SalesAcceptedToSqlRate, 0.7), stages, NoClocks);
        var toOpportunity = ScorecardReader.Read(Goal(ScorecardMeasure.SqlToOpportunityRate, 0.4), stages, NoClocks);
        var win = ScorecardReader.Read(Goal(ScorecardMeasure.OpportunityWinRate, 0.5), stages, NoClocks);

        Assert.Equal((0.75, 40, true), (toSql.Value!.Value, toSql.Sample, toSql.Met!.Value));
        Assert.Equal((0.6, 20, true), (toOpportunity.Value!.Value, toOpportunity.Sample, toOpportunity.Met!.Value));
        Assert.Equal((0.4, 20, false), (win.Value!.Value, win.Sample, win.Met!.Value));
    }

    [Fact]
    public void Read_SlaMeasures_FromTheClocks_MedianInterpolatesAnEvenCount()
    {
        var sla = new SlaSample(MetOnTime: 9, Breached: 3, ResponseHours: [5, 1, 3, 2]);

        var onTime = ScorecardReader.Read(Goal(ScorecardMeasure.SlaMetOnTimeRate, 0.8, minimumSample: 4), Stages(), sla);
        var median = ScorecardReader.Read(Goal(ScorecardMeasure.MedianHoursToFirstResponse, 2.5, minimumSample: 4), Stages(), sla);

        Assert.Equal((0.75, 12, false), (onTime.Value!.Value, onTime.Sample, onTime.Met!.Value));
        Assert.Equal((2.5, 4, true), (median.Value!.Value, median.Sample, median.Met!.Value));
    }

    [Fact]
    public void Read_BelowTheMinimumSample_HasAValueButNoVerdict_AndNothingHasNoValue()
    {
        var few = ScorecardReader.Read(Goal(ScorecardMeasure.MqlAcceptanceRate, 0.6, minimumSample: 10), Stages(mql: (1, 8)), NoClocks);
        var none = ScorecardReader.Read(Goal(ScorecardMeasure.MedianHoursToFirstResponse, 4), Stages(), NoClocks);

        Assert.Equal((1 / 9.0, 9, (bool?)null), (few.Value!.Value, few.Sample, few.Met));
        Assert.Equal(((double?)null, 0, (bool?)null), (none.Value, none.Sample, none.Met));
    }

    [Fact]
    public void Describe_SaysTheGoalAsBothTeamsSignedIt()
    {
        Assert.Equal("MQL acceptance ≥ 60%", Goal(ScorecardMeasure.MqlAcceptanceRate, 0.6).Describe());
        Assert.Equal("Median time to first response ≤ 4 h", Goal(ScorecardMeasure.MedianHoursToFirstResponse, 4).Describe());
        Assert.Equal("Sales keeps up ≤ 12.5%", (Goal(ScorecardMeasure.MqlRejectRate, 0.125) with { Label = "Sales keeps up" }).Describe());
    }

    [Fact]
    public void Validate_RefusesDuplicateIds_TargetsOutOfRange_TooManyGoals_AndASampleBelowOne()
    {
        var agreement = DefaultAgreement.Create() with
        {
            Scorecard = new Scorecard
            {
                Goals =
                [
                    Goal(ScorecardMeasure.MqlAcceptanceRate, 1.5),
                    Goal(ScorecardMeasure.MqlAcceptanceRate, 0.5),
                    Goal(ScorecardMeasure.MedianHoursToFirstResponse, 0, minimumSample: 0),
                    .. Enumerable.Range(0, 6).Select(i => Goal(ScorecardMeasure.OpportunityWinRate, 0.3) with { Id = $"win-{i}" }),
                ],
            },
        };

        var paths = AgreementValidator.Validate(agreement).Select(i => i.Path).ToList();

        Assert.Equal(
            ["scorecard.goals", "scorecard.goals[0].target", "scorecard.goals[1].id", "scorecard.goals[2].target", "scorecard.goals[2].minimumSample"],
            paths);
        Assert.Empty(AgreementValidator.Validate(DefaultAgreement.Create() with { Scorecard = new Scorecard { Goals = [Goal(ScorecardMeasure.MedianHoursToFirstResponse, 4)] } }));
    }

    [Fact]
    public void Compare_ListsGoalsAddedChangedAndRemoved_InTheirOwnWords()
    {
        var before = DefaultAgreement.Create() with
        {
            Scorecard = new Scorecard { Goals = [Goal(ScorecardMeasure.MqlAcceptanceRate, 0.6), Goal(ScorecardMeasure.OpportunityWinRate, 0.3)] },
        };
        var after = before with
        {
            Scorecard = new Scorecard { Goals = [Goal(ScorecardMeasure.MqlAcceptanceRate, 0.65, minimumSample: 20), Goal(ScorecardMeasure.SqlToOpportunityRate, 0.4)] },
        };

        var changes = AgreementDiff.Compare(before, after);

        Assert.All(changes, c => Assert.Equal(ChangeArea.Scorecard, c.Area));
        Assert.Equal(
            [
                "Goal removed: Win rate ≥ 30%",
                "Goal MQL acceptance ≥ 60% → MQL acceptance ≥ 65%",
                "Goal “MQL acceptance ≥ 65%” is judged on at least 10 → 20 cases",
                "Goal added: SQL → Opportunity ≥ 40%",
            ],
            changes.Select(c => c.Description));
    }

    [Fact]
    public void Deserialize_AVersionStoredBeforeTheScorecard_LoadsWithNoGoals_AndGoalsRoundTrip()
    {
        var stored = JsonNode.Parse(AgreementJson.Serialize(DefaultAgreement.Create()))!.AsObject();
        stored.Remove("scorecard");

        Assert.Empty(AgreementJson.Deserialize(stored.ToJsonString()).Scorecard.Goals);
        var withGoals = DefaultAgreement.Create() with { Scorecard = new Scorecard { Goals = [Goal(ScorecardMeasure.SlaMetOnTimeRate, 0.9) with { Label = "On time" }] } };
        Assert.Equal(withGoals.Scorecard.Goals, AgreementJson.Deserialize(AgreementJson.Serialize(withGoals)).Scorecard.Goals);
    }
}
