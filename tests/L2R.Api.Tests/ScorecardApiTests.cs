using System.Net;
using System.Text.Json.Nodes;
using L2R.Api.Tests.Infrastructure;
using L2R.Domain.Calendars;

namespace L2R.Api.Tests;

/// <summary>The shared goals of the agreement read over HTTP against the funnel whose every count is known.</summary>
public abstract class ScorecardApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : L2RApiFactory
{
    private static JsonObject Goal(string id, string measure, double target, int minimumSample = 10) =>
        new() { ["id"] = id, ["measure"] = measure, ["target"] = target, ["minimumSample"] = minimumSample };

    /// <summary>The funnel's tenant with goals signed into a new version (activated after every move it made).</summary>
    private async Task<KnownFunnel> FunnelWithGoalsAsync()
    {
        var funnel = await KnownFunnel.OfAsync(factory);
        var goals = await funnel.Team.Admin.GetJsonAsync("/api/agreement");
        if (goals["agreement"]!["scorecard"]?["goals"]?.AsArray().Count is not > 0)
        {
            await funnel.Team.ActivateAsync(agreement => agreement["scorecard"] = new JsonObject
            {
                ["goals"] = new JsonArray(
                    Goal("acceptance", "MqlAcceptanceRate", 0.6),
                    Goal("rejects", "MqlRejectRate", 0.3),
                    Goal("sql-to-opp", "SqlToOpportunityRate", 0.4),
                    Goal("wins", "OpportunityWinRate", 0.5),
                    Goal("on-time", "SlaMetOnTimeRate", 0.9),
                    Goal("response", "MedianHoursToFirstResponse", 4)),
            });
        }

        return funnel;
    }

    private static string Period(KnownFunnel funnel) => $"from={KnownFunnel.Iso(funnel.Start.AddHours(-1))}&to={KnownFunnel.Iso(funnel.Start.AddDays(11))}";

    [Fact]
    public async Task Scorecard_ReadsEachSignedGoal_FromTheKnownFunnel_WithItsVerdict()
    {
        var funnel = await FunnelWithGoalsAsync();

        var scorecard = await funnel.Team.Marketing.GetJsonAsync($"/api/scorecard?{Period(funnel)}&bucket=Week");

        var goals = scorecard["goals"]!.AsArray().ToDictionary(g => g!["id"]!.GetValue<string>(), g => g!["overall"]!);
        Assert.Equal(["acceptance", "rejects", "sql-to-opp", "wins", "on-time", "response"], goals.Keys);
        Assert.Equal((0.6, 100, true), Reading(goals["acceptance"]));
        Assert.Equal((0.4, 100, false), Reading(goals["rejects"]));
        Assert.Equal((1.0, 20, true), Reading(goals["sql-to-opp"]));
        Assert.Equal((0.4, 20, false), Reading(goals["wins"]));

        // Each MQL's clock ran from its creation at T0 to sales's decision two hours later, in the default calendar's business hours.
        var businessHours = Math.Round(BusinessCalendar.Default.BusinessTimeBetween(funnel.Start, funnel.Start.AddHours(2)).TotalHours, 2);
        Assert.Equal((businessHours, 100, true), Reading(goals["response"]));

        // On time as the Metrics page's SLA section counts the same clocks.
        var sla = await funnel.Team.Marketing.GetJsonAsync($"/api/metrics/sla?from={KnownFunnel.Iso(Time(scorecard["from"]))}&to={KnownFunnel.Iso(Time(scorecard["to"]))}");
        var onTime = goals["on-time"];
        Assert.Equal(sla["total"]!["metOnTimePercent"]!.GetValue<double>(), Math.Round(100 * onTime["value"]!.GetValue<double>(), 1));

        var first = scorecard["goals"]![0]!;
        Assert.Equal("MQL acceptance ≥ 60%", first["description"]!.GetValue<string>());
        Assert.Equal(("share", true), (first["unit"]!.GetValue<string>(), first["higherIsBetter"]!.GetValue<bool>()));
        var points = first["points"]!.AsArray();
        Assert.Equal(100, points.Sum(p => p!["sample"]!.GetValue<int>()));
        Assert.All(points.Zip(points.Skip(1)), pair => Assert.Equal(Time(pair.First!["to"]), Time(pair.Second!["from"])));
        Assert.Equal(DayOfWeek.Monday, Time(scorecard["from"]).DayOfWeek);
    }

    [Fact]
    public async Task Scorecard_FilteredToASourceWithNoLeads_HasNoValueAndNoVerdict_AndCsvHasARowPerGoalAndBucket()
    {
        var funnel = await FunnelWithGoalsAsync();

        var empty = await funnel.Team.Sales.GetJsonAsync($"/api/scorecard?{Period(funnel)}&bucket=Month&source=nowhere");

        Assert.All(empty["goals"]!.AsArray(), g => Assert.Equal((null, 0, null), ((double?)g!["overall"]!["value"], g["overall"]!["sample"]!.GetValue<int>(), (bool?)g["overall"]!["met"])));

        var json = await funnel.Team.Sales.GetJsonAsync($"/api/scorecard?{Period(funnel)}&bucket=Month");
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/scorecard?{Period(funnel)}&bucket=Month");
        request.Headers.Accept.ParseAdd("text/csv");
        var csv = await funnel.Team.Sales.Http.SendAsync(request);
        await ApiSession.Expect(csv, HttpStatusCode.OK);
        var rows = SimpleCsv.Parse(await csv.Content.ReadAsStringAsync());
        Assert.Equal(json["goals"]!.AsArray().Sum(g => g!["points"]!.AsArray().Count), rows.Count - 1);
        Assert.Equal("goalId", rows[0][0]);
    }

    [Fact]
    public async Task AnotherTenant_SeesOnlyItsOwnGoals_AndABadRequestIsAProblem()
    {
        await FunnelWithGoalsAsync();
        var other = await Team.CreateAsync(factory);

        var scorecard = await other.Marketing.GetJsonAsync("/api/scorecard");

        Assert.Empty(scorecard["goals"]!.AsArray());
        var problem = await ApiSession.ProblemAsync(await other.Marketing.Http.GetAsync("/api/scorecard?bucket=Fortnight"), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]);
        await ApiSession.ProblemAsync(await other.Marketing.Http.GetAsync("/api/scorecard?from=2026-05-01&to=2026-04-01"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ADraftWithABadGoal_IsRefusedWithTheGoalsPath_AndNothingChanges()
    {
        var team = await Team.CreateAsync(factory);
        var draft = await team.Admin.CreateDraftAsync();
        var agreement = draft["agreement"]!.DeepClone().AsObject();
        agreement["scorecard"] = new JsonObject { ["goals"] = new JsonArray(Goal("acceptance", "MqlAcceptanceRate", 60)) };

        var response = await team.Admin.Http.PutAsJsonAsync($"/api/agreement/drafts/{draft["id"]}", new { agreement, revision = draft["revision"]!.GetValue<int>() });

        var problem = await ApiSession.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("agreement.scorecard.goals[0].target", problem["errors"]!.AsObject().Select(e => e.Key));
        var unchanged = await team.Admin.GetJsonAsync($"/api/agreement/drafts/{draft["id"]}");
        Assert.Equal(draft["revision"]!.GetValue<int>(), unchanged["revision"]!.GetValue<int>());
    }

    private static (double?, int, bool?) Reading(JsonNode point) =>
        ((double?)point["value"], point["sample"]!.GetValue<int>(), (bool?)point["met"]);

    private static DateTime Time(JsonNode? node) => node!.GetValue<DateTime>().ToUniversalTime();
}

public sealed class SqliteScorecardApiTests(SqliteApiFactory factory) : ScorecardApiTests<SqliteApiFactory>(factory);

public sealed class PostgresScorecardApiTests(PostgresApiFactory factory) : ScorecardApiTests<PostgresApiFactory>(factory);
