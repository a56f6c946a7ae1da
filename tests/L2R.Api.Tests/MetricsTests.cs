using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using L2R.Api.Tests.Infrastructure;

namespace L2R.Api.Tests;

/// <summary>The waterfall, its drill-downs, reasons and trend over HTTP, on a tenant whose every count is known.</summary>
public abstract class MetricsTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : L2RApiFactory
{
    private static readonly string[] Counts = ["opening", "entered", "left", "advanced", "rejected", "recycled", "disqualified", "lost", "won", "stillIn"];

    /// <summary>Query values name enum members as the JSON does (PascalCase); the figure names above are the JSON's camelCase.</summary>
    private static string Member(string count) => char.ToUpperInvariant(count[0]) + count[1..];
    private static readonly string[] Outcomes = ["advanced", "rejected", "recycled", "disqualified", "lost", "won"];

    [Theory]
    [InlineData("Cohort")]
    [InlineData("Period")]
    public async Task KnownFunnel_HasExactlyItsCounts_RatesVelocityAndValue_InBothModes(string mode)
    {
        var funnel = await KnownFunnel.OfAsync(factory);

        var waterfall = await funnel.Team.Marketing.GetJsonAsync($"/api/metrics/waterfall?{funnel.Query(mode)}");

        Assert.Equal(mode, waterfall["mode"]!.GetValue<string>());
        var group = Assert.Single(waterfall["groups"]!.AsArray())!;
        Assert.Equal(("all", "All leads"), (group["key"]!.GetValue<string>(), group["label"]!.GetValue<string>()));
        var stages = Stages(group);
        Assert.Equal(["Raw", "Scored", "MQL", "SalesAccepted", "SQL", "Opportunity", "Nurture"], stages.Keys);
        AssertCounts(stages["Raw"], entered: 100, advanced: 100);
        AssertCounts(stages["Scored"], entered: 100, advanced: 100);
        AssertCounts(stages["MQL"], entered: 100, advanced: 60, rejected: 40);
        AssertCounts(stages["SalesAccepted"], entered: 60, advanced: 30, stillIn: 30);
        AssertCounts(stages["SQL"], entered: 30, advanced: 20, stillIn: 10);
        AssertCounts(stages["Opportunity"], entered: 20, won: 8, lost: 12);
        AssertCounts(stages["Nurture"], entered: 40, stillIn: 40);
        Assert.Equal((0.6, 0.6, 0.4), (Number(stages["MQL"], "conversionRate"), Number(stages["MQL"], "acceptanceRate"), Number(stages["MQL"], "rejectRate")));
        Assert.Equal((0.4, 0.4), (Number(stages["Opportunity"], "conversionRate"), Number(stages["Opportunity"], "winRate")));
        Assert.Equal((210_000d, 36_000d), (Number(stages["Opportunity"], "pipelineAmount"), Number(stages["Opportunity"], "wonAmount")));
        Assert.All(stages.Where(s => s.Key != "MQL").Select(s => s.Value), s => Assert.Null(s["acceptanceRate"]));
        Assert.All(stages.Where(s => s.Key != "Opportunity").Select(s => s.Value), s => Assert.Null(s["winRate"] ?? s["pipelineAmount"]));
        var days = new Dictionary<string, double> { ["Raw"] = 0, ["Scored"] = 0, ["MQL"] = 2 / 24.0, ["SalesAccepted"] = 22 / 24.0, ["SQL"] = 2, ["Opportunity"] = 7 };
        foreach (var (stage, expected) in days)
        {
            Assert.Equal(expected, Number(stages[stage], "medianDaysInStage")!.Value, 9);
            Assert.Equal(expected, Number(stages[stage], "p90DaysInStage")!.Value, 9);
        }

        Assert.Null(stages["Nurture"]["medianDaysInStage"]);
    }

    [Fact]
    public async Task PeriodMode_CountsWhatWasAlreadyInAStageAsOpening_AndStillAddsUp()
    {
        var funnel = await KnownFunnel.OfAsync(factory);
        var from = funnel.Start.AddDays(1).AddMinutes(-1);

        var stages = Stages(Single(await funnel.Team.Sales.GetJsonAsync(
            $"/api/metrics/waterfall?mode=Period&from={KnownFunnel.Iso(from)}&to={KnownFunnel.Iso(funnel.Start.AddDays(11))}")));

        AssertCounts(stages["MQL"], entered: 0);
        AssertCounts(stages["SalesAccepted"], opening: 60, entered: 0, advanced: 30, stillIn: 30);
        AssertCounts(stages["SQL"], entered: 30, advanced: 20, stillIn: 10);
        AssertCounts(stages["Nurture"], opening: 40, entered: 0, stillIn: 40);
        Assert.Equal(0.5, Number(stages["SalesAccepted"], "conversionRate"));
    }

    [Theory]
    [InlineData("Cohort")]
    [InlineData("Period")]
    public async Task EveryNumber_DrillsDownToAListOfExactlyThatLength(string mode)
    {
        var funnel = await KnownFunnel.OfAsync(factory);
        var query = funnel.Query(mode);
        var stages = Stages(Single(await funnel.Team.Admin.GetJsonAsync($"/api/metrics/waterfall?{query}")));

        foreach (var (stage, figures) in stages)
        {
            foreach (var count in Counts)
            {
                var expected = count == "left" ? Outcomes.Sum(o => figures[o]!.GetValue<int>()) : figures[count]!.GetValue<int>();
                var page = await funnel.Team.Admin.GetJsonAsync($"/api/metrics/waterfall/leads?{query}&stage={stage}&outcome={Member(count)}&pageSize=1");
                Assert.True(expected == page["total"]!.GetValue<int>(), $"{mode} {stage} {count}: the waterfall says {expected}, its list holds {page["total"]}");
            }
        }

        var rejected = await funnel.Team.Admin.GetJsonAsync($"/api/metrics/waterfall/leads?{query}&stage=MQL&outcome=Rejected&pageSize=100");
        var items = rejected["items"]!.AsArray();
        Assert.Equal(40, items.Count);
        Assert.Equal(funnel.LeadIds.Skip(KnownFunnel.Accepted).Order(), items.Select(i => Guid.Parse(i!["leadId"]!.GetValue<string>())).Order());
        Assert.All(items, i => Assert.Equal(("Reject", "Rejected", "Vera Vance", 2 / 24.0), (i!["exitTrigger"]!.GetValue<string>(), i["outcome"]!.GetValue<string>(), i["name"]!.GetValue<string>(), i["daysInStage"]!.GetValue<double>())));
        Assert.Equal(KnownFunnel.Rejections.ToDictionary(r => r.Code, r => r.Count), items.GroupBy(i => i!["reasonCode"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.Count()));
        Assert.All(items, i => Assert.Equal((funnel.Start, funnel.Start.AddHours(2)), (Utc(i!["enteredAt"]!), Utc(i["leftAt"]!))));
    }

    [Fact]
    public async Task Reasons_CountWhatTheWaterfallCounts_ByReasonClauseAndSource()
    {
        var funnel = await KnownFunnel.OfAsync(factory);
        var query = funnel.Query("Period");

        var report = await funnel.Team.Marketing.GetJsonAsync($"/api/metrics/reasons?{query}");
        var mqlOnly = await funnel.Team.Marketing.GetJsonAsync($"/api/metrics/reasons?{query}&stage=MQL&trigger=Reject");

        Assert.Equal(52, report["total"]!.GetValue<int>());
        Assert.Equal(40, mqlOnly["total"]!.GetValue<int>());
        var reasons = report["reasons"]!.AsArray().ToDictionary(r => r!["code"]!.GetValue<string>());
        Assert.Equal(
            new Dictionary<string, int> { ["no-need"] = 20, ["too-early"] = 12, ["price"] = 12, ["not-decision-maker"] = 8 },
            reasons.ToDictionary(r => r.Key, r => r.Value!["count"]!.GetValue<int>()));
        Assert.Equal(("Not a decision maker", "title-vp", "FitRule", "Title contains \"VP\""), (reasons["not-decision-maker"]!["label"]!.GetValue<string>(), reasons["not-decision-maker"]!["disputes"]!["id"]!.GetValue<string>(), reasons["not-decision-maker"]!["disputes"]!["kind"]!.GetValue<string>(), reasons["not-decision-maker"]!["disputes"]!["description"]!.GetValue<string>()));
        Assert.Null(reasons["no-need"]!["disputes"]);
        Assert.Equal(8 / 52.0, reasons["not-decision-maker"]!["share"]!.GetValue<double>(), 9);
        var clauses = report["clauses"]!.AsArray();
        Assert.Equal([(null, 44), ("title-vp", 8)], clauses.Select(c => (c!["clause"]?["id"]?.GetValue<string>(), c["count"]!.GetValue<int>())));
        var source = Assert.Single(report["bySource"]!.AsArray())!;
        Assert.Equal(("Webinar", 52), (source["key"]!.GetValue<string>(), source["count"]!.GetValue<int>()));
        Assert.Empty(report["notes"]!.AsArray());
    }

    [Fact]
    public async Task Trend_PerWeek_AddsUpInEveryBucket_AndSumsToTheWaterfallOfItsRange()
    {
        var funnel = await KnownFunnel.OfAsync(factory);
        var query = funnel.Query("Period");

        var trend = await funnel.Team.Marketing.GetJsonAsync($"/api/metrics/trend?{query}&bucket=Week");
        var waterfall = Stages(Single(await funnel.Team.Marketing.GetJsonAsync(
            $"/api/metrics/waterfall?mode=Period&from={KnownFunnel.Iso(trend["from"]!.GetValue<DateTime>().ToUniversalTime())}&to={KnownFunnel.Iso(trend["to"]!.GetValue<DateTime>().ToUniversalTime())}")));

        var buckets = trend["buckets"]!.AsArray();
        Assert.InRange(buckets.Count, 2, 3);
        Assert.Equal(DayOfWeek.Monday, buckets[0]!["start"]!.GetValue<DateTime>().ToUniversalTime().DayOfWeek);
        foreach (var bucket in buckets)
        {
            foreach (var stage in bucket!["stages"]!.AsArray())
            {
                AssertAddsUp(stage!);
            }
        }

        foreach (var (stage, figures) in waterfall)
        {
            foreach (var count in Outcomes.Append("entered"))
            {
                Assert.Equal(figures[count]!.GetValue<int>(), buckets.Sum(b => Stages(b!)[stage][count]!.GetValue<int>()));
            }
        }
    }

    [Fact]
    public async Task Csv_HoldsTheSameRowsAndValuesAsTheJson()
    {
        var funnel = await KnownFunnel.OfAsync(factory);
        var query = funnel.Query("Cohort");
        var session = funnel.Team.Marketing;

        var waterfall = await session.GetJsonAsync($"/api/metrics/waterfall?{query}&groupBy=Owner");
        AssertSameTable(
            waterfall["groups"]!.AsArray().SelectMany(g => g!["stages"]!.AsArray().Select(s => Merge(new JsonObject { ["key"] = g["key"]!.DeepClone(), ["label"] = g["label"]!.DeepClone() }, s!))),
            await CsvAsync(session, $"/api/metrics/waterfall?{query}&groupBy=Owner"));
        var leads = await session.GetJsonAsync($"/api/metrics/waterfall/leads?{query}&stage=Opportunity&outcome=Entered");
        AssertSameTable(leads["items"]!.AsArray().Select(i => i!.AsObject()), await CsvAsync(session, $"/api/metrics/waterfall/leads?{query}&stage=Opportunity&outcome=Entered"));
        var trend = await session.GetJsonAsync($"/api/metrics/trend?{query}&bucket=Month");
        AssertSameTable(
            trend["buckets"]!.AsArray().SelectMany(b => b!["stages"]!.AsArray().Select(s => Merge(new JsonObject { ["start"] = b["start"]!.DeepClone(), ["end"] = b["end"]!.DeepClone() }, s!))),
            await CsvAsync(session, $"/api/metrics/trend?{query}&bucket=Month"));
        var reasons = await session.GetJsonAsync($"/api/metrics/reasons?{query}");
        var reasonRows = await CsvAsync(session, $"/api/metrics/reasons?{query}");
        Assert.Equal(
            reasons["reasons"]!.AsArray().Select(r => (r!["code"]!.GetValue<string>(), r["count"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture), r["disputes"]?["id"]?.GetValue<string>() ?? "")),
            reasonRows.Select(r => (r["code"], r["count"], r["clauseId"])));
    }

    [Theory]
    [InlineData("Cohort")]
    [InlineData("Period")]
    public async Task GroupedByOwner_EachEntryCountsForTheOwnerAtItsMoment_AndTheGroupsSumToTheWhole(string mode)
    {
        var funnel = await KnownFunnel.OfAsync(factory);
        var salesId = (await funnel.Team.Sales.GetJsonAsync("/api/me"))["id"]!.GetValue<string>();

        var grouped = await funnel.Team.Admin.GetJsonAsync($"/api/metrics/waterfall?{funnel.Query(mode)}&groupBy=Owner");
        var whole = Stages(Single(await funnel.Team.Admin.GetJsonAsync($"/api/metrics/waterfall?{funnel.Query(mode)}")));

        var groups = grouped["groups"]!.AsArray().ToDictionary(g => g!["key"]!.GetValue<string>(), g => g!);
        Assert.Equal(["", salesId], groups.Keys.Order());
        Assert.Equal(("(no owner)", "Sales user"), (groups[""]["label"]!.GetValue<string>(), groups[salesId]["label"]!.GetValue<string>()));
        Assert.Equal(100, Stages(groups[""])["MQL"]["entered"]!.GetValue<int>());
        Assert.Equal(60, Stages(groups[salesId])["SalesAccepted"]["entered"]!.GetValue<int>());
        foreach (var (stage, figures) in whole)
        {
            foreach (var count in Counts.Where(c => c != "left").Append("distinctLeads"))
            {
                Assert.Equal(figures[count]!.GetValue<int>(), groups.Values.Sum(g => Stages(g)[stage][count]!.GetValue<int>()));
            }
        }

        var owned = await funnel.Team.Admin.GetJsonAsync($"/api/metrics/waterfall/leads?{funnel.Query(mode)}&groupBy=Owner&group={salesId}&stage=SalesAccepted&outcome=StillIn");
        Assert.Equal(30, owned["total"]!.GetValue<int>());
        Assert.Equal(30, (await funnel.Team.Admin.GetJsonAsync($"/api/metrics/waterfall/leads?{funnel.Query(mode)}&ownerId={salesId}&stage=SalesAccepted&outcome=StillIn"))["total"]!.GetValue<int>());
        Assert.Equal(0, (await funnel.Team.Sales.GetJsonAsync($"/api/metrics/waterfall?{funnel.Query(mode)}&ownerId=none"))["groups"]![0]!["stages"]![3]!["entered"]!.GetValue<int>());
    }

    [Fact]
    public async Task AnotherTenantsNumbers_NeverShow()
    {
        var funnel = await KnownFunnel.OfAsync(factory);
        var intruder = await ApiSession.SignUpAsync(factory);
        await intruder.CreateLeadAsync(ApiSession.GoodFitLead());
        var query = funnel.Query("Period");

        var theirs = Stages(Single(await intruder.GetJsonAsync($"/api/metrics/waterfall?{query}")));
        var leads = await intruder.GetJsonAsync($"/api/metrics/waterfall/leads?{query}&stage=MQL&outcome=Entered");
        var reasons = await intruder.GetJsonAsync($"/api/metrics/reasons?{query}");
        var ours = Stages(Single(await funnel.Team.Admin.GetJsonAsync($"/api/metrics/waterfall?mode=Period&from={KnownFunnel.Iso(funnel.Start.AddHours(-1))}&to={KnownFunnel.Iso(DateTime.UtcNow.AddMinutes(1))}")));

        Assert.All(theirs.Values, s => Assert.All(Counts.Where(c => c != "left"), c => Assert.Equal(0, s[c]!.GetValue<int>())));
        Assert.Equal(0, leads["total"]!.GetValue<int>());
        Assert.Equal(0, reasons["total"]!.GetValue<int>());
        Assert.Equal(100, ours["MQL"]["entered"]!.GetValue<int>());
    }

    [Fact]
    public async Task GroupedByAgreementVersion_SplitsLeadsAcrossAnActivation()
    {
        var team = await Team.CreateAsync(factory);
        var before = await team.ActivateAsync(KnownFunnel.QualifyOnFitAlone);
        var start = DateTime.UtcNow.AddMinutes(-1);
        var early = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            early.Add(Guid.Parse((await team.Marketing.CreateLeadAsync(ApiSession.GoodFitLead()))["lead"]!["id"]!.GetValue<string>()));
        }

        var after = await team.ActivateAsync(agreement => KnownFunnel.Rule(agreement, "Qualify")["criteria"]![0]!["value"] = 35);
        for (var i = 0; i < 3; i++)
        {
            await team.Marketing.CreateLeadAsync(ApiSession.GoodFitLead());
        }

        foreach (var id in early.Take(2))
        {
            await ApiSession.Expect(await team.Sales.FireAsync(id, "Accept"), HttpStatusCode.OK);
        }

        var range = $"from={KnownFunnel.Iso(start)}&to={KnownFunnel.Iso(DateTime.UtcNow.AddMinutes(1))}&groupBy=AgreementVersion";
        var cohort = (await team.Admin.GetJsonAsync($"/api/metrics/waterfall?mode=Cohort&{range}"))["groups"]!.AsArray().ToDictionary(g => g!["key"]!.GetValue<string>(), g => Stages(g!));
        var period = (await team.Admin.GetJsonAsync($"/api/metrics/waterfall?mode=Period&{range}"))["groups"]!.AsArray().ToDictionary(g => g!["key"]!.GetValue<string>(), g => Stages(g!));

        var (b, a) = (before.ToString(CultureInfo.InvariantCulture), after.ToString(CultureInfo.InvariantCulture));
        Assert.Equal([b, a], cohort.Keys.Order());
        AssertCounts(cohort[b]["MQL"], entered: 5, advanced: 2, stillIn: 3);
        AssertCounts(cohort[b]["SalesAccepted"], entered: 2, stillIn: 2);
        AssertCounts(cohort[a]["MQL"], entered: 3, stillIn: 3);
        AssertCounts(cohort[a]["SalesAccepted"], entered: 0);
        AssertCounts(period[b]["MQL"], entered: 5, advanced: 2, stillIn: 3);
        AssertCounts(period[a]["SalesAccepted"], entered: 2, stillIn: 2);
        Assert.Equal(2, (await team.Admin.GetJsonAsync($"/api/metrics/waterfall/leads?mode=Cohort&{range}&group={b}&stage=SalesAccepted&outcome=Entered"))["total"]!.GetValue<int>());
        Assert.Equal(3, (await team.Admin.GetJsonAsync($"/api/metrics/waterfall/leads?mode=Cohort&from={KnownFunnel.Iso(start)}&agreementVersion={a}&stage=MQL&outcome=StillIn"))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task BadInput_IsAValidationProblemNamingTheParameter()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var cases = new (string Url, string Field)[]
        {
            ("/api/metrics/waterfall?mode=Sideways", "mode"),
            ("/api/metrics/waterfall?groupBy=Planet", "groupBy"),
            ("/api/metrics/waterfall?from=2026-05-01&to=2026-04-01", "from"),
            ("/api/metrics/waterfall?from=yesterday", "from"),
            ("/api/metrics/waterfall?from=2020-01-01&to=2026-01-01", "from"),
            ("/api/metrics/waterfall?ownerId=someone", "ownerId"),
            ("/api/metrics/waterfall?agreementVersion=0", "agreementVersion"),
            ("/api/metrics/waterfall/leads?stage=Won&outcome=Entered", "stage"),
            ("/api/metrics/waterfall/leads?stage=MQL", "outcome"),
            ("/api/metrics/waterfall/leads?stage=MQL&outcome=Entered&pageSize=0", "pageSize"),
            ("/api/metrics/reasons?trigger=Accept", "trigger"),
            ("/api/metrics/trend?bucket=Year", "bucket"),
        };

        foreach (var (url, field) in cases)
        {
            var problem = await ApiSession.ProblemAsync(await admin.Http.GetAsync(url), HttpStatusCode.BadRequest);
            Assert.Equal("https://l2r.dev/problems/validation", problem["type"]!.GetValue<string>());
            Assert.True(problem["errors"]![field] is not null, $"{url}: {problem.ToJsonString()}");
        }
    }

    [Fact]
    public async Task Metrics_AreForSignedInUsersOnly()
    {
        var anonymous = factory.CreateClient();

        await ApiSession.ProblemAsync(await anonymous.GetAsync("/api/metrics/waterfall"), HttpStatusCode.Unauthorized);
        await ApiSession.ProblemAsync(await anonymous.GetAsync("/api/metrics/alerts"), HttpStatusCode.Unauthorized);
    }

    private static JsonNode Single(JsonNode waterfall) => Assert.Single(waterfall["groups"]!.AsArray())!;

    private static Dictionary<string, JsonNode> Stages(JsonNode group) =>
        group["stages"]!.AsArray().ToDictionary(s => s!["stage"]!.GetValue<string>(), s => s!);

    /// <summary>A time as the API wrote it, which must say it is UTC.</summary>
    private static DateTime Utc(JsonNode time)
    {
        Assert.EndsWith("Z", time.GetValue<string>());
        return DateTime.Parse(time.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
    }

    private static double? Number(JsonNode stage, string name) => stage[name]?.GetValue<double>();

    private static void AssertCounts(JsonNode stage, int entered, int opening = 0, int advanced = 0, int rejected = 0, int recycled = 0, int disqualified = 0, int lost = 0, int won = 0, int stillIn = 0)
    {
        int[] expected = [opening, entered, advanced, rejected, recycled, disqualified, lost, won, stillIn];
        var actual = new[] { "opening", "entered", "advanced", "rejected", "recycled", "disqualified", "lost", "won", "stillIn" }.Select(c => stage[c]!.GetValue<int>());
        Assert.True(expected.SequenceEqual(actual), $"{stage["stage"]}: expected {string.Join(",", expected)}, got {string.Join(",", actual)}");
        AssertAddsUp(stage);
    }

    private static void AssertAddsUp(JsonNode stage) =>
        Assert.Equal(
            stage["opening"]!.GetValue<int>() + stage["entered"]!.GetValue<int>(),
            Outcomes.Sum(o => stage[o]!.GetValue<int>()) + stage["stillIn"]!.GetValue<int>());

    private static JsonObject Merge(JsonObject first, JsonNode second)
    {
        foreach (var (key, value) in second.AsObject())
        {
            first[key] = value?.DeepClone();
        }

        return first;
    }

    private static async Task<List<Dictionary<string, string>>> CsvAsync(ApiSession session, string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/csv");
        var response = await session.Http.SendAsync(request);
        await ApiSession.Expect(response, HttpStatusCode.OK);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = SimpleCsv.Parse(await response.Content.ReadAsStringAsync());
        return lines.Skip(1).Select(line => lines[0].Zip(line).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    /// <summary>Every JSON property of every row, in the CSV cell of its column: numbers as numbers, times as times, null as empty.</summary>
    private static void AssertSameTable(IEnumerable<JsonObject> json, List<Dictionary<string, string>> csv)
    {
        var rows = json.ToList();
        Assert.Equal(rows.Count, csv.Count);
        foreach (var (row, cells) in rows.Zip(csv))
        {
            Assert.Equal(row.Select(p => p.Key).Order(), cells.Keys.Order());
            foreach (var (key, value) in row)
            {
                var cell = cells[key];
                switch (value?.GetValueKind())
                {
                    case null:
                        Assert.Equal("", cell);
                        break;
                    case JsonValueKind.Number:
                        Assert.Equal(value!.GetValue<double>(), double.Parse(cell, CultureInfo.InvariantCulture));
                        break;
                    default:
                        Assert.Equal(value!.GetValue<string>(), cell);
                        break;
                }
            }
        }
    }
}

public sealed class SqliteMetricsTests(SqliteApiFactory factory) : MetricsTests<SqliteApiFactory>(factory);

public sealed class PostgresMetricsTests(PostgresApiFactory factory) : MetricsTests<PostgresApiFactory>(factory);
