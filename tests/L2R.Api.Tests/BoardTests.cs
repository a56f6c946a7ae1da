using System.Net;
using System.Text.Json.Nodes;
using L2R.Api.Tests.Infrastructure;

namespace L2R.Api.Tests;

/// <summary>The board: a column per stage with its count, bounded cards, cursor paging and the shared filters.</summary>
public abstract class BoardTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : L2RApiFactory
{
    private static readonly string[] States = ["Raw", "Scored", "MQL", "SalesAccepted", "SQL", "Opportunity", "Nurture", "Won", "Lost", "Disqualified"];

    [Fact]
    public async Task Board_HasAColumnForEveryStage_WithItsCount()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var sales = await admin.AddUserAsync(factory, "Sales");
        await admin.CreateLeadAsync(new { lastName = "Rawlings" });
        await admin.CreateLeadAsync(ApiSession.GoodFitLead());
        await admin.CreateLeadAsync(ApiSession.GoodFitLead());
        await admin.CreateMqlLeadAsync();
        var rejected = await admin.CreateMqlLeadAsync();
        await ApiSession.Expect(await sales.FireAsync(rejected, "Reject", "too-early"), HttpStatusCode.OK);

        var board = await admin.GetJsonAsync("/api/board");

        var columns = board["columns"]!.AsArray();
        Assert.Equal(States, columns.Select(c => c!["state"]!.GetValue<string>()));
        var counts = columns.ToDictionary(c => c!["state"]!.GetValue<string>(), c => c!["count"]!.GetValue<int>());
        Assert.Equal(1, counts["Raw"]);
        Assert.Equal(2, counts["Scored"]);
        Assert.Equal(1, counts["MQL"]);
        Assert.Equal(1, counts["Nurture"]);
        Assert.Equal(5, counts.Values.Sum());
        Assert.All(columns, c => Assert.Equal(c!["count"]!.GetValue<int>(), c["cards"]!.AsArray().Count));
        Assert.All(columns, c => Assert.All(c!["cards"]!.AsArray(), card => Assert.Equal(c["state"]!.GetValue<string>(), card!["state"]!.GetValue<string>())));
        Assert.All(columns, c => Assert.Null(c!["nextCursor"]));
    }

    [Fact]
    public async Task Take_BoundsTheCards_AndTheCursorPagesThroughTheRestWithoutDuplicates()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var ids = new HashSet<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await admin.CreateLeadAsync(ApiSession.GoodFitLead()))["lead"]!["id"]!.GetValue<string>());
        }

        var board = await admin.GetJsonAsync("/api/board?take=2");
        var scored = board["columns"]!.AsArray().Single(c => c!["state"]!.GetValue<string>() == "Scored")!;
        Assert.Equal(5, scored["count"]!.GetValue<int>());
        Assert.Equal(2, scored["cards"]!.AsArray().Count);

        var seen = CardIds(scored);
        var cursor = scored["nextCursor"]?.GetValue<string>();
        var pages = 1;
        while (cursor is not null)
        {
            var page = await admin.GetJsonAsync($"/api/board/Scored?take=2&cursor={Uri.EscapeDataString(cursor)}");
            Assert.Equal(5, page["count"]!.GetValue<int>());
            Assert.InRange(page["cards"]!.AsArray().Count, 1, 2);
            seen.AddRange(CardIds(page));
            cursor = page["nextCursor"]?.GetValue<string>();
            pages++;
        }

        Assert.Equal(3, pages);
        Assert.Equal(5, seen.Count);
        Assert.Equal(ids.Order(), seen.Order());

        var whole = await admin.GetJsonAsync("/api/board/Scored?take=100");
        Assert.Equal(seen, CardIds(whole));
        Assert.Null(whole["nextCursor"]);
    }

    [Fact]
    public async Task Filters_OwnerMeSourceCampaignAndText_NarrowEveryColumn()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var sales = await admin.AddUserAsync(factory, "Sales");
        var mine = await admin.CreateMqlLeadAsync();
        await ApiSession.Expect(await sales.FireAsync(mine, "Accept"), HttpStatusCode.OK);
        var webinar = await admin.CreateLeadAsync(WithSourceAndCampaign(ApiSession.GoodFitLead(), "Webinar", "Autumn Push", "Zebediah"));
        var referral = await admin.CreateLeadAsync(WithSourceAndCampaign(ApiSession.GoodFitLead(), "Referral", "Spring Launch", "Quimby"));

        Assert.Equal([mine.ToString()], await BoardIdsAsync(sales, "owner=me"));
        Assert.Empty(await BoardIdsAsync(admin, "owner=me"));
        Assert.Equal(2, (await BoardIdsAsync(admin, "owner=none")).Count);
        Assert.Equal([Id(referral)], await BoardIdsAsync(admin, "source=Referral"));
        Assert.Equal([Id(webinar)], await BoardIdsAsync(admin, "campaign=Autumn%20Push"));
        Assert.Equal([Id(webinar)], await BoardIdsAsync(admin, "text=zebed"));
        Assert.Equal([Id(webinar)], await BoardIdsAsync(admin, "text=vera%20zebediah"));
        Assert.Equal([Id(referral)], await BoardIdsAsync(admin, "source=Referral&campaign=Spring%20Launch&text=QUIM"));
        Assert.Empty(await BoardIdsAsync(admin, "source=Referral&campaign=Autumn%20Push"));

        var column = await admin.GetJsonAsync("/api/board/Scored?source=Webinar");
        Assert.Equal(1, column["count"]!.GetValue<int>());
        Assert.Equal([Id(webinar)], CardIds(column));
        var salesAccepted = await sales.GetJsonAsync("/api/board/SalesAccepted?owner=me");
        Assert.Equal([mine.ToString()], CardIds(salesAccepted));
        Assert.NotNull(salesAccepted["cards"]![0]!["ownerName"]);
    }

    [Fact]
    public async Task BadCursorTakeOrOwner_Is400()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var negative = Convert.ToBase64String(BitConverter.GetBytes(-1)).TrimEnd('=');

        foreach (var url in new[]
        {
            "/api/board/Scored?cursor=not-a-cursor!",
            "/api/board/Scored?cursor=" + Uri.EscapeDataString(negative),
            "/api/board/Scored?cursor=AAAAAAAA",
            "/api/board?take=0",
            "/api/board?take=101",
            "/api/board/Scored?take=0",
            "/api/board?owner=somebody",
        })
        {
            await ApiSession.ProblemAsync(await admin.Http.GetAsync(url), HttpStatusCode.BadRequest);
        }
    }

    private static JsonObject WithSourceAndCampaign(object lead, string source, string campaign, string lastName)
    {
        var json = System.Text.Json.JsonSerializer.SerializeToNode(lead, ApiSession.Json)!.AsObject();
        json["source"] = source;
        json["campaign"] = campaign;
        json["lastName"] = lastName;
        return json;
    }

    private static string Id(JsonObject created) => created["lead"]!["id"]!.GetValue<string>();

    private static List<string> CardIds(JsonNode column) => column["cards"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()).ToList();

    private static async Task<List<string>> BoardIdsAsync(ApiSession session, string query)
    {
        var board = await session.GetJsonAsync($"/api/board?{query}");
        var columns = board["columns"]!.AsArray();
        var ids = columns.SelectMany(c => CardIds(c!)).ToList();
        Assert.Equal(ids.Count, columns.Sum(c => c!["count"]!.GetValue<int>()));
        return ids;
    }
}

public sealed class SqliteBoardTests(SqliteApiFactory factory) : BoardTests<SqliteApiFactory>(factory);

public sealed class PostgresBoardTests(PostgresApiFactory factory) : BoardTests<PostgresApiFactory>(factory);
