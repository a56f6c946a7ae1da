using System.Net;
using System.Text.Json.Nodes;
using L2R.Api.Tests.Infrastructure;

namespace L2R.Api.Tests;

/// <summary>Field intelligence over HTTP: tags recorded with a rep's activity or a move's reason, and the roll-ups that count them.</summary>
public abstract class FieldIntelTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : L2RApiFactory
{
    [Fact]
    public async Task TagsHeardOnACallAndAReject_AppearInTheRollups_AndEveryCountDrillsDownToItsLeads()
    {
        var team = await Team.CreateAsync(factory);
        var sales = team.Sales;
        var hubspot = await AddTagAsync(sales, "Competitor", "HubSpot");
        var reporting = await AddTagAsync(sales, "Pain", "Manual reporting");
        var price = await AddTagAsync(sales, "Objection", "Too expensive");
        var slack = await AddTagAsync(sales, "Question", "Does it integrate with Slack?");
        var called = await team.Admin.CreateMqlLeadAsync();
        var rejected = await team.Admin.CreateMqlLeadAsync();
        var calledTwice = await team.Admin.CreateMqlLeadAsync();

        await ApiSession.Expect(await sales.FireAsync(called, "Accept"), HttpStatusCode.OK);
        await RecordCallAsync(sales, called, new
        {
            competitors = new[] { hubspot }, pains = new[] { reporting }, questions = new[] { slack },
            reception = new { verdict = "Resonated" }, note = "Uses HubSpot today; loved the reporting demo.",
        });
        await ApiSession.Expect(await FireAsync(sales, rejected, "Reject", "no-need", new { competitors = new[] { hubspot }, objections = new[] { price }, note = "Happy with HubSpot." }), HttpStatusCode.OK);
        await RecordCallAsync(sales, calledTwice, new { competitors = new[] { hubspot } });
        await RecordCallAsync(sales, calledTwice, new { competitors = new[] { hubspot }, reception = new { campaign = "Autumn Push", verdict = "Confused" } });

        var competitors = await sales.GetJsonAsync("/api/intel/frequency?kind=Competitor");
        var figure = Assert.Single(competitors["tags"]!.AsArray())!;
        Assert.Equal(("HubSpot", 3, 4), (figure["label"]!.GetValue<string>(), figure["leads"]!.GetValue<int>(), figure["mentions"]!.GetValue<int>()));
        var behind = await team.Marketing.GetJsonAsync($"/api/intel/leads?tagId={hubspot}");
        Assert.Equal(3, behind["total"]!.GetValue<int>());
        Assert.Equal(new[] { called, rejected, calledTwice }.Order(), Ids(behind).Order());
        Assert.Contains("Happy with HubSpot.", Notes(behind));
        Assert.Contains("Uses HubSpot today; loved the reporting demo.", Notes(behind));

        Assert.Equal([("Too expensive", 1)], Figures(await team.Marketing.GetJsonAsync("/api/intel/frequency?kind=Objection")));
        Assert.Equal([("Does it integrate with Slack?", 1)], Figures(await team.Marketing.GetJsonAsync("/api/intel/frequency?kind=Question")));
        Assert.Equal([rejected], Ids(await team.Marketing.GetJsonAsync($"/api/intel/leads?tagId={price}")));

        var pains = await team.Marketing.GetJsonAsync("/api/intel/pains?groupBy=Industry");
        var segment = Assert.Single(pains["segments"]!.AsArray())!;
        Assert.Equal(("Software", 1), (segment["key"]!.GetValue<string>(), segment["leads"]!.GetValue<int>()));
        Assert.Equal([called], Ids(await team.Marketing.GetJsonAsync($"/api/intel/leads?tagId={reporting}&groupBy=Industry&group=Software")));
        Assert.Equal(0, (await team.Marketing.GetJsonAsync($"/api/intel/leads?tagId={reporting}&groupBy=Industry&group=Retail"))["total"]!.GetValue<int>());

        var reception = (await team.Marketing.GetJsonAsync("/api/intel/reception"))["campaigns"]!.AsArray()
            .ToDictionary(c => c!["campaign"]!.GetValue<string>(), c => (c!["resonated"]!.GetValue<int>(), c["fellFlat"]!.GetValue<int>(), c["confused"]!.GetValue<int>()));
        Assert.Equal((1, 0, 0), reception["Spring Launch"]);
        Assert.Equal((0, 0, 1), reception["Autumn Push"]);
        Assert.Equal([calledTwice], Ids(await team.Marketing.GetJsonAsync("/api/intel/leads?verdict=Confused&campaign=Autumn%20Push")));
        Assert.Equal([("HubSpot", 3)], Figures(await team.Marketing.GetJsonAsync("/api/intel/frequency?kind=Competitor&campaign=Spring%20Launch")));
        Assert.Equal([("HubSpot", 1)], Figures(await team.Marketing.GetJsonAsync("/api/intel/frequency?kind=Competitor&campaign=Autumn%20Push")));

        var trend = await team.Marketing.GetJsonAsync("/api/intel/competitors?bucket=Week");
        var hub = Assert.Single(trend["competitors"]!.AsArray())!;
        var buckets = trend["buckets"]!.AsArray();
        var counts = hub["trend"]!.AsArray().Select(n => n!.GetValue<int>()).ToList();
        Assert.Equal(buckets.Count, counts.Count);
        Assert.Equal(3, counts[^1]);
        var last = buckets[^1]!;
        var inLastBucket = await team.Marketing.GetJsonAsync(
            $"/api/intel/leads?tagId={hubspot}&from={KnownFunnel.Iso(last["start"]!.GetValue<DateTime>())}&to={KnownFunnel.Iso(last["end"]!.GetValue<DateTime>())}");
        Assert.Equal(3, inLastBucket["total"]!.GetValue<int>());

        var history = await sales.GetJsonAsync($"/api/leads/{rejected}/history");
        var heard = Assert.Single(history["intel"]!.AsArray())!;
        Assert.Equal("Reject", heard["trigger"]!.GetValue<string>());
        Assert.Equal(history["transitions"]!.AsArray().Single(t => t!["trigger"]?.GetValue<string>() == "Reject")!["id"]!.GetValue<string>(), heard["transitionId"]!.GetValue<string>());
        Assert.Equal(["HubSpot", "Too expensive"], heard["tags"]!.AsArray().Select(t => t!["label"]!.GetValue<string>()));
        Assert.Equal("Happy with HubSpot.", heard["note"]!.GetValue<string>());
    }

    [Fact]
    public async Task WinLoss_CountsTheLeadsTaggedWithEachCompetitor_ThatWereLaterWonOrLost()
    {
        var team = await Team.CreateAsync(factory);
        var salesforce = await AddTagAsync(team.Sales, "Competitor", "Salesforce");
        var pipedrive = await AddTagAsync(team.Sales, "Competitor", "Pipedrive");
        var won = await OpportunityAsync(team);
        var lost = await OpportunityAsync(team);
        var open = await OpportunityAsync(team);
        await RecordCallAsync(team.Sales, won, new { competitors = new[] { salesforce } });
        await RecordCallAsync(team.Sales, open, new { competitors = new[] { salesforce, pipedrive } });
        await ApiSession.Expect(await team.Sales.FireAsync(won, "Win"), HttpStatusCode.OK);
        await ApiSession.Expect(await FireAsync(team.Sales, lost, "Lose", "competitor", new { competitors = new[] { salesforce } }), HttpStatusCode.OK);

        var report = (await team.Marketing.GetJsonAsync("/api/intel/competitors?bucket=Month"))["competitors"]!.AsArray()
            .ToDictionary(c => c!["label"]!.GetValue<string>(), c => (c!["leads"]!.GetValue<int>(), c["won"]!.GetValue<int>(), c["lost"]!.GetValue<int>(), c["winRate"]?.GetValue<double>()));

        Assert.Equal((3, 1, 1, 0.5), report["Salesforce"]);
        Assert.Equal((1, 0, 0, null), report["Pipedrive"]);
        Assert.Equal([won], Ids(await team.Marketing.GetJsonAsync($"/api/intel/leads?tagId={salesforce}&outcome=Won")));
        Assert.Equal([lost], Ids(await team.Marketing.GetJsonAsync($"/api/intel/leads?tagId={salesforce}&outcome=Lost")));
    }

    [Fact]
    public async Task BadIntel_IsAProblem_AndNothingIsWritten()
    {
        var team = await Team.CreateAsync(factory);
        var competitor = await AddTagAsync(team.Sales, "Competitor", "Zoho");
        var retired = await AddTagAsync(team.Sales, "Pain", "Old pain");
        await ApiSession.Expect(await team.Admin.Http.PutAsJsonAsync($"/api/intel/tags/{retired}", new { label = "Old pain", retired = true }), HttpStatusCode.OK);
        var lead = await team.Admin.CreateMqlLeadAsync();
        await ApiSession.Expect(await team.Sales.FireAsync(lead, "Accept"), HttpStatusCode.OK);
        var mql = await team.Admin.CreateMqlLeadAsync();
        var before = await SnapshotAsync(team.Sales, lead) + await SnapshotAsync(team.Sales, mql);

        var wrongKind = await ApiSession.ProblemAsync(await RecordAsync(team.Sales, lead, "Call", new { pains = new[] { competitor } }), HttpStatusCode.BadRequest);
        Assert.NotNull(wrongKind["errors"]!["intel.pains"]);
        var retiredTag = await ApiSession.ProblemAsync(await RecordAsync(team.Sales, lead, "Call", new { competitors = new[] { competitor }, pains = new[] { retired } }), HttpStatusCode.BadRequest);
        Assert.NotNull(retiredTag["errors"]!["intel.pains"]);
        var unknown = await ApiSession.ProblemAsync(await RecordAsync(team.Sales, lead, "Meeting", new { questions = new[] { Guid.NewGuid() } }), HttpStatusCode.BadRequest);
        Assert.NotNull(unknown["errors"]!["intel.questions"]);
        await ApiSession.ProblemAsync(await RecordAsync(team.Sales, lead, "PageView", new { competitors = new[] { competitor } }), HttpStatusCode.BadRequest);
        await ApiSession.ProblemAsync(await RecordAsync(team.Sales, lead, "Call", new { note = new string('x', 501) }), HttpStatusCode.BadRequest);
        await ApiSession.ProblemAsync(await RecordAsync(team.Sales, lead, "Call", new { reception = new { verdict = "Loved" } }), HttpStatusCode.BadRequest);
        await ApiSession.ProblemAsync(await FireAsync(team.Sales, mql, "Reject", "no-need", new { competitors = new[] { retired } }), HttpStatusCode.BadRequest);
        await ApiSession.ProblemAsync(await FireAsync(team.Sales, mql, "Accept", null, new { note = "said yes" }), HttpStatusCode.BadRequest);

        Assert.Equal(before, await SnapshotAsync(team.Sales, lead) + await SnapshotAsync(team.Sales, mql));
        Assert.Empty((await team.Sales.GetJsonAsync("/api/intel/frequency?kind=Competitor"))["tags"]!.AsArray());
    }

    [Fact]
    public async Task AddingALabelTwice_AnswersTheSameTag_AndAdminsRenameRetireAndMerge()
    {
        var team = await Team.CreateAsync(factory);
        var hubspot = await AddTagAsync(team.Sales, "Competitor", "HubSpot");
        var again = await team.Marketing.Http.PostAsJsonAsync("/api/intel/tags", new { kind = "Competitor", label = "  hubspot " });
        await ApiSession.Expect(again, HttpStatusCode.OK);
        Assert.Equal(hubspot, Guid.Parse((await again.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>()));
        Assert.NotEqual(hubspot, await AddTagAsync(team.Sales, "Pain", "HubSpot"));
        var crm = await AddTagAsync(team.Sales, "Competitor", "HubSpot CRM");
        var lead = await team.Admin.CreateMqlLeadAsync();
        await ApiSession.Expect(await team.Sales.FireAsync(lead, "Accept"), HttpStatusCode.OK);
        await RecordCallAsync(team.Sales, lead, new { competitors = new[] { hubspot, crm } });
        await RecordCallAsync(team.Sales, lead, new { competitors = new[] { crm } });

        await ApiSession.Expect(await team.Sales.Http.PutAsJsonAsync($"/api/intel/tags/{crm}", new { label = "x", retired = false }), HttpStatusCode.Forbidden);
        var taken = await ApiSession.ProblemAsync(await team.Admin.Http.PutAsJsonAsync($"/api/intel/tags/{crm}", new { label = "HUBSPOT", retired = false }), HttpStatusCode.BadRequest);
        Assert.NotNull(taken["errors"]!["label"]);
        await ApiSession.Expect(await team.Admin.Http.PutAsJsonAsync($"/api/intel/tags/{hubspot}", new { label = "HubSpot Sales Hub", retired = false }), HttpStatusCode.OK);
        var merged = await team.Admin.Http.PostAsync($"/api/intel/tags/{crm}/merge-into/{hubspot}", null);
        await ApiSession.Expect(merged, HttpStatusCode.OK);
        Assert.Equal(2, (await merged.Content.ReadFromJsonAsync<JsonObject>())!["mentions"]!.GetValue<int>());

        var offered = (await team.Sales.GetJsonAsync("/api/intel/tags?kind=Competitor")).AsArray();
        Assert.Equal(["HubSpot Sales Hub"], offered.Select(t => t!["label"]!.GetValue<string>()));
        Assert.Equal(hubspot, await AddTagAsync(team.Sales, "Competitor", "hubspot crm"));
        Assert.Equal([("HubSpot Sales Hub", 1)], Figures(await team.Marketing.GetJsonAsync("/api/intel/frequency?kind=Competitor")));

        await ApiSession.Expect(await team.Admin.Http.PutAsJsonAsync($"/api/intel/tags/{hubspot}", new { label = "HubSpot Sales Hub", retired = true }), HttpStatusCode.OK);
        Assert.Empty((await team.Sales.GetJsonAsync("/api/intel/tags?kind=Competitor")).AsArray());
        Assert.Equal(2, (await team.Admin.GetJsonAsync("/api/intel/tags?kind=Competitor&includeRetired=true")).AsArray().Count);
        var history = await team.Sales.GetJsonAsync($"/api/leads/{lead}/history");
        Assert.All(history["intel"]!.AsArray(), i => Assert.Equal([(true, "HubSpot Sales Hub")], i!["tags"]!.AsArray().Select(t => (t!["retired"]!.GetValue<bool>(), t["label"]!.GetValue<string>()))));
    }

    [Fact]
    public async Task AnotherTenantsTagsAndLeads_NeverShow_AndTheirIdsAreUnknown()
    {
        var ours = await Team.CreateAsync(factory);
        var theirs = await Team.CreateAsync(factory);
        var ourTag = await AddTagAsync(ours.Sales, "Competitor", "Monday.com");
        var ourLead = await ours.Admin.CreateMqlLeadAsync();
        await ApiSession.Expect(await ours.Sales.FireAsync(ourLead, "Accept"), HttpStatusCode.OK);
        await RecordCallAsync(ours.Sales, ourLead, new { competitors = new[] { ourTag }, reception = new { verdict = "FellFlat" } });
        var theirLead = await theirs.Admin.CreateMqlLeadAsync();
        await ApiSession.Expect(await theirs.Sales.FireAsync(theirLead, "Accept"), HttpStatusCode.OK);

        Assert.Empty((await theirs.Admin.GetJsonAsync("/api/intel/tags?includeRetired=true")).AsArray());
        Assert.Empty((await theirs.Marketing.GetJsonAsync("/api/intel/frequency?kind=Competitor"))["tags"]!.AsArray());
        Assert.Empty((await theirs.Marketing.GetJsonAsync("/api/intel/competitors"))["competitors"]!.AsArray());
        Assert.Empty((await theirs.Marketing.GetJsonAsync("/api/intel/reception"))["campaigns"]!.AsArray());
        Assert.Equal(0, (await theirs.Marketing.GetJsonAsync("/api/intel/leads?verdict=FellFlat"))["total"]!.GetValue<int>());
        await ApiSession.ProblemAsync(await theirs.Marketing.Http.GetAsync($"/api/intel/leads?tagId={ourTag}"), HttpStatusCode.NotFound);
        await ApiSession.ProblemAsync(await theirs.Admin.Http.PutAsJsonAsync($"/api/intel/tags/{ourTag}", new { label = "Stolen", retired = true }), HttpStatusCode.NotFound);
        var theirTag = await AddTagAsync(theirs.Sales, "Competitor", "Monday.com");
        Assert.NotEqual(ourTag, theirTag);
        await ApiSession.ProblemAsync(await theirs.Admin.Http.PostAsync($"/api/intel/tags/{theirTag}/merge-into/{ourTag}", null), HttpStatusCode.NotFound);
        await ApiSession.ProblemAsync(await theirs.Sales.Http.GetAsync($"/api/leads/{ourLead}/history"), HttpStatusCode.NotFound);
        var foreignTag = await ApiSession.ProblemAsync(await RecordAsync(theirs.Sales, theirLead, "Call", new { competitors = new[] { ourTag } }), HttpStatusCode.BadRequest);
        Assert.NotNull(foreignTag["errors"]!["intel.competitors"]);
        await ApiSession.ProblemAsync(await RecordAsync(theirs.Sales, ourLead, "Call", new { competitors = new[] { theirTag } }), HttpStatusCode.NotFound);

        Assert.Equal([("Monday.com", 1)], Figures(await ours.Marketing.GetJsonAsync("/api/intel/frequency?kind=Competitor")));
        Assert.Equal([ourLead], Ids(await ours.Marketing.GetJsonAsync($"/api/intel/leads?tagId={ourTag}")));
    }

    private static async Task<Guid> AddTagAsync(ApiSession session, string kind, string label)
    {
        var response = await session.Http.PostAsJsonAsync("/api/intel/tags", new { kind, label });
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"Adding a tag answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return Guid.Parse((await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>());
    }

    private static Task<HttpResponseMessage> RecordAsync(ApiSession session, Guid lead, string type, object intel) =>
        session.Http.PostAsJsonAsync($"/api/leads/{lead}/activities", new { type, intel });

    private static async Task RecordCallAsync(ApiSession session, Guid lead, object intel) =>
        await ApiSession.Expect(await RecordAsync(session, lead, "Call", intel), HttpStatusCode.Created);

    private static Task<HttpResponseMessage> FireAsync(ApiSession session, Guid lead, string trigger, string? reasonCode, object intel) =>
        session.Http.PostAsJsonAsync($"/api/leads/{lead}/transitions", new { trigger, reasonCode, intel });

    /// <summary>An MQL carried through acceptance, BANT and the sales qualification to Opportunity, ready to be won or lost.</summary>
    private static async Task<Guid> OpportunityAsync(Team team)
    {
        var id = await team.Admin.CreateMqlLeadAsync();
        await ApiSession.Expect(await team.Sales.FireAsync(id, "Accept"), HttpStatusCode.OK);
        var version = (await team.Sales.GetJsonAsync($"/api/leads/{id}"))["version"]!.GetValue<int>();
        await ApiSession.Expect(
            await team.Sales.PatchLeadAsync(id, new { budget = true, authority = true, need = true, timeline = true, amount = 10_000, expectedCloseDate = DateTime.UtcNow.AddDays(30) }, $"\"{version}\""),
            HttpStatusCode.OK);
        await ApiSession.Expect(await team.Sales.FireAsync(id, "QualifyForSales"), HttpStatusCode.OK);
        await ApiSession.Expect(await team.Sales.FireAsync(id, "Convert"), HttpStatusCode.OK);
        return id;
    }

    /// <summary>What a refused write could have left behind: the lead's activities, its history and its intel.</summary>
    private static async Task<string> SnapshotAsync(ApiSession session, Guid lead) =>
        (await session.GetJsonAsync($"/api/leads/{lead}/activities")).ToJsonString() + (await session.GetJsonAsync($"/api/leads/{lead}/history")).ToJsonString();

    private static List<Guid> Ids(JsonNode page) => page["items"]!.AsArray().Select(i => Guid.Parse(i!["leadId"]!.GetValue<string>())).ToList();

    private static List<string> Notes(JsonNode page) =>
        page["items"]!.AsArray().SelectMany(i => i!["records"]!.AsArray()).Select(r => r!["note"]?.GetValue<string>()).OfType<string>().ToList();

    private static List<(string Label, int Leads)> Figures(JsonNode frequency) =>
        frequency["tags"]!.AsArray().Select(t => (t!["label"]!.GetValue<string>(), t["leads"]!.GetValue<int>())).ToList();
}

public sealed class SqliteFieldIntelTests(SqliteApiFactory factory) : FieldIntelTests<SqliteApiFactory>(factory);

public sealed class PostgresFieldIntelTests(PostgresApiFactory factory) : FieldIntelTests<PostgresApiFactory>(factory);
