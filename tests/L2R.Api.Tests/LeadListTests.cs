using System.Net;
using System.Text.Json.Nodes;
using L2R.Api.Tests.Infrastructure;

namespace L2R.Api.Tests;

/// <summary>The leads list: the board's filters and its own, sorting, keyset paging, bulk actions and the CSV export.</summary>
public abstract class LeadListTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : L2RApiFactory
{
    [Fact]
    public async Task Filters_StageScoreRangeDatesAndText_NarrowTheList()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var raw = await IdOf(admin.CreateLeadAsync(new { lastName = "Rawlings", company = "Acme Tools" }));
        var scored = await IdOf(admin.CreateLeadAsync(ApiSession.GoodFitLead()));
        var mql = await admin.CreateMqlLeadAsync();
        var afterFirst = DateTime.UtcNow;

        Assert.Equal([mql], await IdsAsync(admin, "stage=MQL"));
        Assert.Equal(new[] { raw, mql }.Order(), (await IdsAsync(admin, "stage=Raw&stage=MQL")).Order());
        Assert.Equal(new[] { scored, mql }.Order(), (await IdsAsync(admin, "minScore=40")).Order());
        Assert.Equal([raw], await IdsAsync(admin, "maxScore=0"));
        Assert.Equal([scored], await IdsAsync(admin, "minScore=40&maxScore=50"));
        Assert.Equal([raw], await IdsAsync(admin, "text=acme%20t"));
        Assert.Empty(await IdsAsync(admin, $"createdFrom={Iso(afterFirst)}"));
        Assert.Equal(3, (await IdsAsync(admin, $"createdTo={Iso(afterFirst)}")).Count);

        await ApiSession.Expect(await admin.PatchLeadAsync(raw, new { firstName = "Rita" }), HttpStatusCode.OK);
        Assert.Equal([raw], await IdsAsync(admin, $"updatedFrom={Iso(afterFirst)}"));
        Assert.Equal(new[] { scored, mql }.Order(), (await IdsAsync(admin, $"updatedTo={Iso(afterFirst)}")).Order());
    }

    [Theory]
    [InlineData("sort=Name")]
    [InlineData("sort=Name&order=Desc")]
    [InlineData("sort=Company")]
    [InlineData("sort=TotalScore&order=Desc")]
    [InlineData("sort=Stage")]
    [InlineData("sort=CreatedAt")]
    [InlineData("")]
    public async Task Cursor_PagesThroughEverySortOnce_InTheOrderOfTheWholeList(string sort)
    {
        var admin = await ApiSession.SignUpAsync(factory);
        await admin.CreateLeadAsync(new { lastName = "Zed" });
        await admin.CreateLeadAsync(new { lastName = "Zed" });
        await admin.CreateLeadAsync(new { lastName = "Abel", company = "Initech" });
        await admin.CreateLeadAsync(ApiSession.GoodFitLead());
        await admin.CreateLeadAsync(ApiSession.GoodFitLead());
        await admin.CreateMqlLeadAsync();
        await admin.CreateLeadAsync(new { firstName = "Mia", lastName = "Moss", company = "Globex" });

        var whole = await IdsAsync(admin, $"{sort}&pageSize=200");
        var paged = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await admin.GetJsonAsync($"/api/leads?{sort}&pageSize=2" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            Assert.Equal(7, page["total"]!.GetValue<int>());
            paged.AddRange(page["items"]!.AsArray().Select(i => Guid.Parse(i!["id"]!.GetValue<string>())));
            cursor = page["nextCursor"]?.GetValue<string>();
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(4, pages);
        Assert.Equal(whole, paged);
        Assert.Equal(7, paged.Distinct().Count());
    }

    [Fact]
    public async Task SortByStage_FollowsTheProcess_NotTheAlphabet()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        await admin.CreateMqlLeadAsync();
        await admin.CreateLeadAsync(new { lastName = "Rawlings" });
        await admin.CreateLeadAsync(ApiSession.GoodFitLead());

        var states = (await admin.GetJsonAsync("/api/leads?sort=Stage"))["items"]!.AsArray().Select(i => i!["state"]!.GetValue<string>());

        Assert.Equal(["Raw", "Scored", "MQL"], states);
    }

    [Fact]
    public async Task BadCursorRangesOrSort_Are400()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        await admin.CreateLeadAsync(new { lastName = "One" });
        await admin.CreateLeadAsync(new { lastName = "Two" });
        var cursor = (await admin.GetJsonAsync("/api/leads?sort=Name&pageSize=1"))["nextCursor"]!.GetValue<string>();

        foreach (var url in new[]
        {
            "/api/leads?cursor=not-a-cursor",
            $"/api/leads?sort=Company&cursor={Uri.EscapeDataString(cursor)}",
            $"/api/leads?sort=Name&order=Desc&cursor={Uri.EscapeDataString(cursor)}",
            "/api/leads?minScore=50&maxScore=10",
            "/api/leads?createdFrom=2026-02-01&createdTo=2026-01-01",
            "/api/leads?sort=Nonsense",
            "/api/leads/export?minScore=5&maxScore=1",
        })
        {
            await ApiSession.ProblemAsync(await admin.Http.GetAsync(url), HttpStatusCode.BadRequest);
        }

        Assert.Single((await admin.GetJsonAsync($"/api/leads?sort=Name&pageSize=1&cursor={Uri.EscapeDataString(cursor)}"))["items"]!.AsArray());
    }

    [Fact]
    public async Task BulkTransitions_MoveEachLeadThroughTheGuard_AndExplainEveryRefusal()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var sales = await admin.AddUserAsync(factory, "Sales");
        var ready = await admin.CreateMqlLeadAsync();
        var noPhone = await admin.CreateMqlLeadAsync(WithoutPhone());
        var raw = await IdOf(admin.CreateLeadAsync(new { lastName = "Rawlings" }));
        var unknown = Guid.NewGuid();
        var other = await ApiSession.SignUpAsync(factory);
        var foreign = await other.CreateMqlLeadAsync();

        var result = await PostAsync(sales, "/api/leads/bulk/transitions", new { leadIds = new[] { ready, noPhone, raw, unknown, foreign }, trigger = "Accept" });

        var results = result["results"]!.AsArray();
        Assert.Equal([ready, noPhone, raw, unknown, foreign], results.Select(r => Guid.Parse(r!["leadId"]!.GetValue<string>())));
        Assert.Equal(["Moved", "Refused", "Refused", "NotFound", "NotFound"], results.Select(r => r!["outcome"]!.GetValue<string>()));
        Assert.Equal("SalesAccepted", results[0]!["state"]!.GetValue<string>());
        Assert.Equal(422, results[1]!["problem"]!["status"]!.GetValue<int>());
        Assert.Equal(["sal-phone"], results[1]!["problem"]!["criteria"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()));
        Assert.Equal(409, results[2]!["problem"]!["status"]!.GetValue<int>());
        Assert.Equal(404, results[3]!["problem"]!["status"]!.GetValue<int>());
        Assert.Equal((1, 4), (result["changed"]!.GetValue<int>(), result["failed"]!.GetValue<int>()));

        Assert.Equal("SalesAccepted", (await admin.GetJsonAsync($"/api/leads/{ready}"))["state"]!.GetValue<string>());
        var refused = await admin.GetJsonAsync($"/api/leads/{noPhone}");
        Assert.Equal(("MQL", results[1]!["version"]!.GetValue<int>()), (refused["state"]!.GetValue<string>(), refused["version"]!.GetValue<int>()));
        Assert.Equal("MQL", (await other.GetJsonAsync($"/api/leads/{foreign}"))["state"]!.GetValue<string>());
        var accepted = (await admin.GetJsonAsync($"/api/leads/{ready}/history"))["transitions"]!.AsArray().Last()!;
        Assert.Equal(("Accept", "SalesAccepted"), (accepted["trigger"]!.GetValue<string>(), accepted["to"]!.GetValue<string>()));
    }

    [Fact]
    public async Task BulkTransitions_ReasonIsCheckedPerLead_AndRolesAsForOne()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var sales = await admin.AddUserAsync(factory, "Sales");
        var marketing = await admin.AddUserAsync(factory, "Marketing");
        var first = await admin.CreateMqlLeadAsync();
        var second = await admin.CreateMqlLeadAsync();

        var noReason = await PostAsync(sales, "/api/leads/bulk/transitions", new { leadIds = new[] { first, second }, trigger = "Reject" });
        Assert.All(noReason["results"]!.AsArray(), r => Assert.Equal(400, r!["problem"]!["status"]!.GetValue<int>()));
        var wrongRole = await PostAsync(marketing, "/api/leads/bulk/transitions", new { leadIds = new[] { first }, trigger = "Reject", reasonCode = "no-need" });
        Assert.Equal(403, wrongRole["results"]![0]!["problem"]!["status"]!.GetValue<int>());

        var rejected = await PostAsync(sales, "/api/leads/bulk/transitions", new { leadIds = new[] { first, second }, trigger = "Reject", reasonCode = "no-need", note = "Spring clean-up" });

        Assert.All(rejected["results"]!.AsArray(), r => Assert.Equal("Nurture", r!["state"]!.GetValue<string>()));
        var entry = (await admin.GetJsonAsync($"/api/leads/{second}/history"))["transitions"]!.AsArray().Last()!;
        Assert.Equal(("no-need", "Spring clean-up"), (entry["reasonCode"]!.GetValue<string>(), entry["note"]!.GetValue<string>()));
    }

    [Fact]
    public async Task BulkRequests_WithBadBodies_Are400AndChangeNothing()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var sales = await admin.AddUserAsync(factory, "Sales");
        var lead = await IdOf(admin.CreateLeadAsync(ApiSession.GoodFitLead()));

        foreach (var (url, body) in new (string, object)[]
        {
            ("/api/leads/bulk/transitions", new { leadIds = Array.Empty<Guid>(), trigger = "Accept" }),
            ("/api/leads/bulk/transitions", new { leadIds = new[] { lead, lead }, trigger = "Accept" }),
            ("/api/leads/bulk/transitions", new { leadIds = Enumerable.Range(0, 1001).Select(_ => Guid.NewGuid()), trigger = "Accept" }),
            ("/api/leads/bulk/owner", new { leadIds = new[] { lead }, ownerId = Guid.NewGuid() }),
            ("/api/leads/bulk/campaign", new { leadIds = new[] { lead }, campaign = new string('c', 201) }),
            ("/api/leads/bulk/campaign", new { leadIds = new[] { lead } }),
        })
        {
            await ApiSession.ProblemAsync(await sales.Http.PostAsJsonAsync(url, body), HttpStatusCode.BadRequest);
        }

        var after = await admin.GetJsonAsync($"/api/leads/{lead}");
        Assert.Equal(1, after["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task BulkOwner_IsForSalesAndAdmins_AndRecordsEachChange()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var sales = await admin.AddUserAsync(factory, "Sales");
        var marketing = await admin.AddUserAsync(factory, "Marketing");
        var salesId = Guid.Parse((await sales.GetJsonAsync("/api/me"))["id"]!.GetValue<string>());
        var first = await IdOf(admin.CreateLeadAsync(ApiSession.GoodFitLead()));
        var second = await IdOf(admin.CreateLeadAsync(ApiSession.GoodFitLead()));

        await ApiSession.ProblemAsync(await marketing.Http.PostAsJsonAsync("/api/leads/bulk/owner", new { leadIds = new[] { first }, ownerId = salesId }), HttpStatusCode.Forbidden);
        var assigned = await PostAsync(sales, "/api/leads/bulk/owner", new { leadIds = new[] { first, second, Guid.NewGuid() }, ownerId = salesId });
        var again = await PostAsync(admin, "/api/leads/bulk/owner", new { leadIds = new[] { first }, ownerId = salesId });
        var unassigned = await PostAsync(admin, "/api/leads/bulk/owner", new { leadIds = new[] { second }, ownerId = (Guid?)null });

        Assert.Equal(["Updated", "Updated", "NotFound"], assigned["results"]!.AsArray().Select(r => r!["outcome"]!.GetValue<string>()));
        Assert.Equal("Unchanged", again["results"]![0]!["outcome"]!.GetValue<string>());
        Assert.Equal("Updated", unassigned["results"]![0]!["outcome"]!.GetValue<string>());
        Assert.Equal(salesId.ToString(), (await admin.GetJsonAsync($"/api/leads/{first}"))["ownerId"]!.GetValue<string>());
        Assert.Null((await admin.GetJsonAsync($"/api/leads/{second}"))["ownerId"]);
        var changes = (await admin.GetJsonAsync($"/api/leads/{second}/history"))["changes"]!.AsArray();
        Assert.Equal(["ownerId", "ownerId"], changes.Select(c => c!["field"]!.GetValue<string>()));
    }

    [Fact]
    public async Task BulkCampaign_SetsAndClears_AndLeavesUnchangedLeadsUnwritten()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var marketing = await admin.AddUserAsync(factory, "Marketing");
        var first = await IdOf(admin.CreateLeadAsync(ApiSession.GoodFitLead()));
        var second = await IdOf(admin.CreateLeadAsync(new { lastName = "Nocampaign" }));

        var set = await PostAsync(marketing, "/api/leads/bulk/campaign", new { leadIds = new[] { first, second }, campaign = " Autumn Push " });
        var same = await PostAsync(marketing, "/api/leads/bulk/campaign", new { leadIds = new[] { first }, campaign = "Autumn Push" });

        Assert.Equal(["Updated", "Updated"], set["results"]!.AsArray().Select(r => r!["outcome"]!.GetValue<string>()));
        Assert.Equal(("Unchanged", 2), (same["results"]![0]!["outcome"]!.GetValue<string>(), same["results"]![0]!["version"]!.GetValue<int>()));
        Assert.Equal(new[] { first, second }.Order(), (await IdsAsync(admin, "campaign=Autumn%20Push")).Order());

        await PostAsync(marketing, "/api/leads/bulk/campaign", new { leadIds = new[] { second }, campaign = "" });
        Assert.Null((await admin.GetJsonAsync($"/api/leads/{second}"))["campaign"]);
    }

    [Fact]
    public async Task Export_StreamsTheFilteredList_AsCsvThatQuotesAndDefusesFormulas()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var sales = await admin.AddUserAsync(factory, "Sales");
        await admin.CreateLeadAsync(new { firstName = "Ann", lastName = "Quote \"Q\"", company = "Comma, Inc.", email = "ann@comma.example", customFields = new Dictionary<string, string> { ["tier"] = "gold" } });
        await admin.CreateLeadAsync(new { lastName = "=HYPERLINK(\"x\")", company = "Multi\nLine" });
        await admin.CreateMqlLeadAsync();
        var other = await ApiSession.SignUpAsync(factory);
        await other.CreateLeadAsync(ApiSession.GoodFitLead());

        var all = await ExportAsync(sales, "sort=Name");
        var mql = await ExportAsync(sales, "stage=MQL");

        Assert.Equal(4, all.Count);
        Assert.Equal("Id", all[0][0]);
        Assert.Contains("tier", all[0]);
        var ann = all.Single(r => r[all[0].IndexOf("First Name")] == "Ann");
        Assert.Equal(["Quote \"Q\"", "ann@comma.example", "Comma, Inc.", "gold"], new[] { "Last Name", "Email", "Company", "tier" }.Select(c => ann[all[0].IndexOf(c)]));
        var formula = all.Single(r => r[all[0].IndexOf("Company")] == "Multi\nLine");
        Assert.Equal("'=HYPERLINK(\"x\")", formula[all[0].IndexOf("Last Name")]);
        Assert.Equal(2, mql.Count);
        Assert.Equal("MQL", mql[1][mql[0].IndexOf("Stage")]);
        Assert.Single(await ExportAsync(other, "text=comma"));
    }

    private static async Task<List<List<string>>> ExportAsync(ApiSession session, string query)
    {
        var response = await session.Http.GetAsync($"/api/leads/export?{query}");
        await ApiSession.Expect(response, HttpStatusCode.OK);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("leads.csv", response.Content.Headers.ContentDisposition?.FileName);
        return CsvFile.Read(await response.Content.ReadAsByteArrayAsync());
    }

    private static object WithoutPhone() => new
    {
        firstName = "Nora",
        lastName = "Nophone",
        email = $"nora.{Guid.NewGuid():N}@globex.example",
        title = "VP Operations",
        company = "Globex",
        companySize = 500,
        industry = "Software",
    };

    private static async Task<JsonObject> PostAsync(ApiSession session, string url, object body)
    {
        var response = await session.Http.PostAsJsonAsync(url, body);
        await ApiSession.Expect(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static async Task<Guid> IdOf(Task<JsonObject> created) => Guid.Parse((await created)["lead"]!["id"]!.GetValue<string>());

    private static string Iso(DateTime at) => Uri.EscapeDataString(at.ToString("O"));

    private static async Task<List<Guid>> IdsAsync(ApiSession session, string query) =>
        (await session.GetJsonAsync($"/api/leads?{query}"))["items"]!.AsArray().Select(i => Guid.Parse(i!["id"]!.GetValue<string>())).ToList();
}

public sealed class SqliteLeadListTests(SqliteApiFactory factory) : LeadListTests<SqliteApiFactory>(factory);

public sealed class PostgresLeadListTests(PostgresApiFactory factory) : LeadListTests<PostgresApiFactory>(factory);
