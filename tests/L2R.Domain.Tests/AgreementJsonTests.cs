using System.Text.Json;
using System.Text.Json.Nodes;
using L2R.Domain.Agreements;
using L2R.Domain.Leads;

namespace L2R.Domain.Tests;

public class AgreementJsonTests
{
    private static readonly string DefaultJson = AgreementJson.Serialize(DefaultAgreement.Create());

    [Fact]
    public void Serialize_DefaultAgreement_RoundTripsToTheSameJson()
    {
        var restored = AgreementJson.Deserialize(DefaultJson);

        Assert.Equal(DefaultJson, AgreementJson.Serialize(restored));
    }

    [Fact]
    public void Deserialize_DefaultAgreement_RestoresCriterionTypesAndValues()
    {
        var original = DefaultAgreement.Create();
        var restored = AgreementJson.Deserialize(DefaultJson);

        Assert.Equal(original.Transitions.Count, restored.Transitions.Count);
        for (var i = 0; i < original.Transitions.Count; i++)
        {
            var expected = original.Transitions[i];
            var actual = restored.Transitions[i];
            Assert.Equal(expected.Trigger, actual.Trigger);
            Assert.Equal(expected.Roles, actual.Roles);
            Assert.Equal(expected.AutoAdvance, actual.AutoAdvance);
            Assert.Equal(expected.Criteria, actual.Criteria);
        }

        // Records holding lists compare those lists by reference, so fit rules (one has a FieldIn list) compare by type and JSON.
        Assert.Equal(original.Scoring.FitRules.Select(r => r.Condition.GetType()), restored.Scoring.FitRules.Select(r => r.Condition.GetType()));
        Assert.Equal(original.Scoring.FitRules.Select(Json), restored.Scoring.FitRules.Select(Json));
        var industry = Assert.IsType<FieldInCriterion>(restored.Scoring.FitRules.Single(r => r.Id == "industry-target").Condition);
        Assert.Equal(["Software", "Financial Services", "Manufacturing", "Healthcare"], industry.Values);
        Assert.Equal(original.Scoring.EngagementRules, restored.Scoring.EngagementRules);
        Assert.Equal(original.Reasons.Reject, restored.Reasons.Reject);
        Assert.Equal(original.Reasons.Recycle, restored.Reasons.Recycle);
        Assert.Equal(original.Reasons.Loss, restored.Reasons.Loss);
        Assert.Equal(original.Reasons.Disqualify, restored.Reasons.Disqualify);
        Assert.Equal(original.Reasons.Reopen, restored.Reasons.Reopen);
        Assert.Equal((original.Slas.MqlResponseHours, original.Slas.SalesAcceptedToSqlDays), (restored.Slas.MqlResponseHours, restored.Slas.SalesAcceptedToSqlDays));
        Assert.Empty(restored.Slas.Terms);
        Assert.Empty(AgreementValidator.Validate(restored));
    }

    [Fact]
    public void Serialize_UsesCamelCaseKindDiscriminatorAndEnumNames()
    {
        var qualify = JsonNode.Parse(DefaultJson)!["transitions"]!.AsArray().Single(t => (string?)t!["trigger"] == "Qualify")!;
        var fit = qualify["criteria"]![0]!;

        Assert.Equal("Marketing", (string?)qualify["roles"]![0]);
        Assert.True((bool)qualify["autoAdvance"]!);
        Assert.Equal("scoreAtLeast", (string?)fit["kind"]);
        Assert.Equal("Fit", (string?)fit["score"]);
        Assert.Equal(30, (int)fit["value"]!);
        Assert.Equal("Fit score at least 30", (string?)fit["description"]);
    }

    [Theory]
    [InlineData("""{"kind":"fieldPresent","id":"c","field":"phone","description":"Phone"}""", typeof(FieldPresentCriterion))]
    [InlineData("""{"id":"c","field":"phone","description":"Phone","kind":"fieldPresent"}""", typeof(FieldPresentCriterion))]
    [InlineData("""{"id":"c","kind":"numberAtLeast","field":"amount","value":1,"description":"Amount"}""", typeof(NumberAtLeastCriterion))]
    [InlineData("""{"id":"c","description":"BANT","item":"Budget","kind":"checklistConfirmed"}""", typeof(ChecklistConfirmedCriterion))]
    [InlineData("""{"id":"c","atLeast":1,"withinDays":30,"description":"Recent","kind":"activityCount","activityType":"Webinar"}""", typeof(ActivityCountCriterion))]
    public void Deserialize_CriterionWithKindAnywhere_PicksTheKind(string json, Type type)
    {
        var criterion = JsonSerializer.Deserialize<Criterion>(json, AgreementJson.Options);

        Assert.IsType(type, criterion);
        Assert.Equal("c", criterion!.Id);
    }

    [Fact]
    public void Deserialize_KeysReorderedLikeJsonb_GivesTheSameAgreement()
    {
        var reordered = ReorderLikeJsonb(JsonNode.Parse(DefaultJson)!).ToJsonString();
        Assert.NotEqual(DefaultJson, reordered);
        Assert.Contains("{\"id\":\"size-200\",\"kind\":\"numberAtLeast\"", reordered);

        var restored = AgreementJson.Deserialize(reordered);

        Assert.Equal(DefaultJson, AgreementJson.Serialize(restored));
    }

    [Fact]
    public void Deserialize_KindLast_RestoresWorkingGuards()
    {
        var json = """
            {
              "scoring": { "fitRules": [], "engagementRules": [] },
              "transitions": [
                {
                  "trigger": "Accept",
                  "roles": ["Sales"],
                  "criteria": [
                    { "id": "sal-country", "field": "country", "value": "US", "description": "Based in the US", "kind": "fieldEquals" }
                  ]
                }
              ],
              "reasons": {},
              "slas": { "mqlResponseHours": 24 }
            }
            """;

        var agreement = AgreementJson.Deserialize(json);
        var workflow = LeadBuilder.Empty().InState(LeadState.MQL).With(l => l.Country = "CA").Workflow(Actors.Sales, agreement);

        Assert.False(workflow.CanFire(LeadTrigger.Accept, out var unmet));
        Assert.Equal(["Based in the US"], unmet);
        Assert.Equal(24, agreement.Slas.MqlResponseHours);
        var term = Assert.Single(agreement.Slas.Effective());
        Assert.Equal((SlaTerms.MqlResponseId, LeadState.MQL, 24.0, SlaTimeBasis.BusinessHours), (term.Id, term.StartStage, term.TargetHours, term.Basis));
    }

    [Fact]
    public void Deserialize_ASlaTermWithOnlyItsEssentials_TakesEveryDefault()
    {
        var json = DefaultJson.Replace(
            "\"slas\":{\"mqlResponseHours\":24,\"salesAcceptedToSqlDays\":14,\"terms\":[]}",
            "\"slas\":{\"terms\":[{\"id\":\"first-touch\",\"targetHours\":4,\"stopTouches\":[\"Call\",\"EmailSent\"]}]}",
            StringComparison.Ordinal);
        Assert.NotEqual(DefaultJson, json);

        var term = Assert.Single(AgreementJson.Deserialize(json).Slas.Effective());

        Assert.Equal("first-touch", term.Id);
        Assert.Equal(LeadState.MQL, term.StartStage);
        Assert.Equal([ActivityType.Call, ActivityType.EmailSent], term.StopTouches);
        Assert.Empty(term.StopTriggers);
        Assert.Equal((SlaTimeBasis.BusinessHours, 75, SlaEscalation.TeamLead, false), (term.Basis, term.WarningPercent, term.OnBreach.EscalateTo, term.OnBreach.Reassign));
        Assert.Empty(term.PausingStages);
    }

    [Fact]
    public void Deserialize_UnknownKind_Throws()
    {
        var json = DefaultJson.Replace("\"kind\":\"ownerAssigned\"", "\"kind\":\"ownerHappy\"", StringComparison.Ordinal);

        Assert.NotEqual(DefaultJson, json);
        Assert.Throws<JsonException>(() => AgreementJson.Deserialize(json));
    }

    [Fact]
    public void Deserialize_CriterionWithoutKind_Throws()
    {
        var json = DefaultJson.Replace("\"kind\":\"ownerAssigned\",", "", StringComparison.Ordinal);

        Assert.NotEqual(DefaultJson, json);
        Assert.Throws<NotSupportedException>(() => AgreementJson.Deserialize(json));
    }

    [Fact]
    public void Deserialize_RuleWrittenBeforeIntegrations_LetsNoIntegrationFireIt()
    {
        var json = """{"scoring":{},"transitions":[{"trigger":"Score","roles":["Marketing"],"autoAdvance":true}],"reasons":{},"slas":{}}""";

        Assert.False(AgreementJson.Deserialize(json).RuleFor(LeadTrigger.Score).IntegrationMayFire);
    }

    [Fact]
    public void Serialize_IntegrationMayFire_IsWrittenAndReadBack()
    {
        var node = JsonNode.Parse(DefaultJson)!["transitions"]!.AsArray().Single(t => t!["trigger"]!.GetValue<string>() == "Qualify")!;

        Assert.True(node["integrationMayFire"]!.GetValue<bool>());
        Assert.True(AgreementJson.Deserialize(DefaultJson).RuleFor(LeadTrigger.Qualify).IntegrationMayFire);
    }

    [Fact]
    public void Deserialize_TransitionWithoutRoles_ThrowsBecauseRolesAreRequired()
    {
        var json = """{"scoring":{},"transitions":[{"trigger":"Score"}],"reasons":{},"slas":{}}""";

        Assert.Throws<JsonException>(() => AgreementJson.Deserialize(json));
    }

    [Fact]
    public void Deserialize_Null_Throws()
    {
        Assert.Throws<JsonException>(() => AgreementJson.Deserialize("null"));
    }

    [Fact]
    public void Configure_AddsTheSameSettingsToOtherOptions()
    {
        var options = AgreementJson.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

        var criterion = JsonSerializer.Deserialize<Criterion>("""{"id":"c","score":"Total","value":5,"description":"d","kind":"scoreAtLeast"}""", options);

        Assert.Equal(new ScoreAtLeastCriterion { Id = "c", Score = ScoreKind.Total, Value = 5, Description = "d" }, criterion);
    }

    [Fact]
    public void Deserialize_AVersionStoredBeforeDisputesAndAlarms_LoadsWithNoClauseAndEveryAlarmOff()
    {
        var stored = JsonNode.Parse(DefaultJson)!.AsObject();
        stored.Remove("drift");
        foreach (var list in stored["reasons"]!.AsObject())
        {
            foreach (var reason in list.Value!.AsArray())
            {
                reason!.AsObject().Remove("disputes");
            }
        }

        var restored = AgreementJson.Deserialize(stored.ToJsonString());

        Assert.All(restored.Reasons.Reject, r => Assert.Null(r.Disputes));
        Assert.Equal(new DriftAlarms(), restored.Drift);
        Assert.True(restored.Drift.IsOff);
        Assert.Equal((30, 20), (restored.Drift.WindowDays, restored.Drift.MinimumSample));
        Assert.Empty(AgreementValidator.Validate(restored));
    }

    [Fact]
    public void Serialize_DisputesAndAlarms_RoundTrip()
    {
        var agreement = DefaultAgreement.Create() with { Drift = new DriftAlarms { MqlAcceptanceFloor = 0.55, RejectRateCeiling = 0.4, WindowDays = 14, MinimumSample = 10 } };

        var restored = AgreementJson.Deserialize(AgreementJson.Serialize(agreement));

        Assert.Equal(agreement.Drift, restored.Drift);
        Assert.Equal("sql-budget", restored.Reasons.Recycle.Single(r => r.Code == "no-budget").Disputes);
        Assert.Equal(Reason.DataQuality, restored.Reasons.Reject.Single(r => r.Code == "bad-contact-data").Disputes);
    }

    private static string Json(FitRule rule) => JsonSerializer.Serialize(rule, AgreementJson.Options);

    /// <summary>PostgreSQL jsonb keeps object keys shorter-first, then bytewise, so "id" comes before "kind".</summary>
    private static JsonNode ReorderLikeJsonb(JsonNode node) => node switch
    {
        JsonObject obj => new JsonObject(obj
            .OrderBy(p => p.Key.Length)
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : ReorderLikeJsonb(p.Value)))),
        JsonArray array => new JsonArray(array.Select(item => item is null ? null : ReorderLikeJsonb(item)).ToArray()),
        _ => node.DeepClone(),
    };
}
