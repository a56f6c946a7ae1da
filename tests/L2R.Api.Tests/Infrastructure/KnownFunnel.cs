using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace L2R.Api.Tests.Infrastructure;

/// <summary>
/// A tenant whose leads move with exact counts at exact times, under a version that qualifies on fit alone and asks
/// nothing more for SQL: 100 leads
/// created (and made MQLs) at T0; 2 hours later sales accepts 60 and rejects 40 (20 no-need, 12 too-early, 8
/// not-decision-maker); a day after T0, 30 reach SQL; at 3 days 20 become opportunities worth 1,000 × n; at 10 days 8
/// are won and 12 lost. Built once per factory: the metrics tests only read it.
/// </summary>
public sealed class KnownFunnel
{
    public const int Leads = 100;
    public const int Accepted = 60;
    public const int Sql = 30;
    public const int Opportunities = 20;
    public const int Won = 8;
    public static readonly (string Code, int Count)[] Rejections = [("no-need", 20), ("too-early", 12), ("not-decision-maker", 8)];

    private static readonly ConditionalWeakTable<L2RApiFactory, Task<KnownFunnel>> Built = [];

    private KnownFunnel(Team team, DateTime start, int version, IReadOnlyList<Guid> leadIds)
    {
        Team = team;
        Start = start;
        Version = version;
        LeadIds = leadIds;
    }

    public Team Team { get; }

    /// <summary>T0: when the 100 leads were created.</summary>
    public DateTime Start { get; }

    public int Version { get; }

    public IReadOnlyList<Guid> LeadIds { get; }

    /// <summary>Cohort mode: the period in which the leads were created; period mode: the period holding every move.</summary>
    public string Query(string mode) => mode == "Cohort"
        ? $"mode=Cohort&from={Iso(Start.AddHours(-1))}&to={Iso(Start.AddHours(1))}"
        : $"mode=Period&from={Iso(Start.AddHours(-1))}&to={Iso(Start.AddDays(11))}";

    public static string Iso(DateTime at) => Uri.EscapeDataString(at.ToString("O"));

    public static Task<KnownFunnel> OfAsync(L2RApiFactory factory) => Built.GetValue(factory, BuildAsync);

    private static async Task<KnownFunnel> BuildAsync(L2RApiFactory factory)
    {
        var team = await Team.CreateAsync(factory);
        var version = await team.ActivateAsync(QualifyOnFitAlone);
        team = await team.ForTimeTravelAsync(factory);
        var now = DateTime.UtcNow;
        var start = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc).AddDays(-20);
        using var travel = factory.Clock.TravelTo(start);
        var ids = new List<Guid>();
        for (var i = 0; i < Leads; i++)
        {
            var created = await team.Marketing.CreateLeadAsync(ApiSession.GoodFitLead());
            Assert.Equal("MQL", created["lead"]!["state"]!.GetValue<string>());
            ids.Add(Guid.Parse(created["lead"]!["id"]!.GetValue<string>()));
        }

        travel.Now = start.AddHours(2);
        var rejections = Rejections.SelectMany(r => Enumerable.Repeat(r.Code, r.Count)).ToList();
        for (var i = 0; i < Leads; i++)
        {
            await Fire(team.Sales, ids[i], i < Accepted ? "Accept" : "Reject", i < Accepted ? null : rejections[i - Accepted]);
        }

        travel.Now = start.AddDays(1);
        for (var i = 0; i < Sql; i++)
        {
            await Fire(team.Sales, ids[i], "QualifyForSales");
        }

        travel.Now = start.AddDays(3);
        for (var i = 0; i < Opportunities; i++)
        {
            await ApiSession.Expect(await team.Sales.PatchLeadAsync(ids[i], new { amount = 1000 * (i + 1), expectedCloseDate = start.AddDays(60) }), HttpStatusCode.OK);
            await Fire(team.Sales, ids[i], "Convert");
        }

        travel.Now = start.AddDays(10);
        for (var i = 0; i < Opportunities; i++)
        {
            await Fire(team.Sales, ids[i], i < Won ? "Win" : "Lose", i < Won ? null : "price");
        }

        return new KnownFunnel(team, start, version, ids);
    }

    /// <summary>A good-fit lead is an MQL the moment it is created, and an accepted one may go on to SQL at once.</summary>
    public static void QualifyOnFitAlone(JsonObject agreement)
    {
        Rule(agreement, "Qualify")["criteria"] = new JsonArray(
            new JsonObject { ["kind"] = "scoreAtLeast", ["id"] = "mql-fit", ["score"] = "Fit", ["value"] = 30, ["description"] = "Fit score at least 30" });
        Rule(agreement, "QualifyForSales")["criteria"] = new JsonArray();

        // "No budget" disputed the budget criterion just removed; a reason may only dispute a clause the version has.
        agreement["reasons"]!["recycle"]!.AsArray().Single(r => r!["code"]!.GetValue<string>() == "no-budget")!["disputes"] = null;
    }

    private static async Task Fire(ApiSession session, Guid id, string trigger, string? reason = null) =>
        await ApiSession.Expect(await session.FireAsync(id, trigger, reason), HttpStatusCode.OK);

    public static JsonObject Rule(JsonObject agreement, string trigger) =>
        agreement["transitions"]!.AsArray().Single(t => t!["trigger"]!.GetValue<string>() == trigger)!.AsObject();
}
