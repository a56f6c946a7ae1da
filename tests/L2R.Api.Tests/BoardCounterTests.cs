using System.Net;
using System.Text.Json.Nodes;
using L2R.Api.Tests.Infrastructure;

namespace L2R.Api.Tests;

/// <summary>
/// The unfiltered board counts from per-(tenant, stage) counters (docs/decisions/0015): after every kind of change a
/// tenant's leads go through, over HTTP, the board and the counters equal a fresh GROUP BY of the leads, before and
/// after the changes are folded; another tenant's counts are its own. The metrics' stage entries (docs/decisions/0009),
/// kept by the same saves and bulk inserts, equal the ledger's window query over the history after each change.
/// </summary>
public abstract class BoardCounterTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : L2RApiFactory
{
    private const string ImportMapping = """[{"column":"Email","field":"email"},{"column":"Last Name","field":"lastName"},{"column":"Company","field":"company"},{"column":"Title","field":"title"},{"column":"Job Function","field":"custom.Job Function"}]""";

    [Fact]
    public async Task CountersAndStageEntries_EqualAFreshCount_AfterEveryKindOfChange()
    {
        var team = await Team.CreateAsync(factory);
        var other = await ApiSession.SignUpAsync(factory);
        await other.CreateMqlLeadAsync();
        await Check("sign-up");

        await team.Marketing.CreateLeadAsync(new { lastName = "Rawlings" });
        var scored = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            scored.Add(Id(await team.Marketing.CreateLeadAsync(ApiSession.GoodFitLead())));
        }

        var mqls = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            mqls.Add(await team.Marketing.CreateMqlLeadAsync());
        }

        await Check("creations");

        await ApiSession.Expect(await team.Sales.FireAsync(mqls[0], "Reject", "too-early"), HttpStatusCode.OK);
        await Check("a move");

        var bulk = await team.Sales.Http.PostAsJsonAsync("/api/leads/bulk/transitions", new { leadIds = new[] { mqls[1], mqls[2], scored[0] }, trigger = "Reject", reasonCode = "no-need" });
        await ApiSession.Expect(bulk, HttpStatusCode.OK);
        await Check("bulk transitions");

        var merge = await team.Marketing.Http.PostAsJsonAsync($"/api/leads/{scored[1]}/merge", new { absorbedLeadId = mqls[0] });
        await ApiSession.Expect(merge, HttpStatusCode.OK);
        await Check("a merge");

        await team.Marketing.RecordActivityAsync(scored[2], "Webinar");
        await team.ActivateAsync(a => Team.Threshold(a, "Qualify", "mql-engagement", 10));
        await Check("an activation");

        var run = await Imports.RunAsync(team.Marketing, "Email,Last Name,Company,Title,Job Function\n"
            + "imported.one@example.test,One,Oneco,VP Marketing,Marketing\n"
            + "imported.two@example.test,Two,Twoco,,\n"
            + "imported.three@example.test,Three,Threeco,Director,Purchasing\n", new { dryRun = false, mapping = ImportMapping });
        Assert.Equal("Completed", run["status"]!.GetValue<string>());
        await Check("an import");

        await ApiSession.Expect(await team.Marketing.Http.PostAsync($"/api/imports/{run["id"]}/undo", null), HttpStatusCode.OK);
        await Check("undoing the import");

        Assert.True(await BoardCountCheck.FoldAsync(factory, team.Admin.TenantId) > 0);
        Assert.Equal(0, await BoardCountCheck.UnfoldedAsync(factory, team.Admin.TenantId));
        await Check("folding");

        await ApiSession.Expect(await team.Sales.FireAsync(mqls[3], "Reject", "too-early"), HttpStatusCode.OK);
        await Check("a move after the fold");

        async Task Check(string after)
        {
            await BoardCountCheck.AssertEqualsGroupByAsync(factory, team.Admin, after);
            await BoardCountCheck.AssertEqualsGroupByAsync(factory, other, after);
            await StageEntryCheck.AssertEqualsLedgerAsync(factory, team.Admin.TenantId, after);
            await StageEntryCheck.AssertEqualsLedgerAsync(factory, other.TenantId, after);
        }
    }

    [Fact]
    public async Task AFilteredBoard_StillCountsItsLeads()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        await admin.CreateLeadAsync(ApiSession.GoodFitLead());
        await admin.CreateLeadAsync(new { lastName = "Zebediah", source = "Referral" });

        var board = await admin.GetJsonAsync("/api/board?source=Referral");

        var counts = board["columns"]!.AsArray().ToDictionary(c => c!["state"]!.GetValue<string>(), c => c!["count"]!.GetValue<int>());
        Assert.Equal(1, counts.Values.Sum());
        Assert.Equal(2, (await admin.GetJsonAsync("/api/board"))["columns"]!.AsArray().Sum(c => c!["count"]!.GetValue<int>()));
    }

    private static Guid Id(JsonObject created) => Guid.Parse(created["lead"]!["id"]!.GetValue<string>());
}

public sealed class SqliteBoardCounterTests(SqliteApiFactory factory) : BoardCounterTests<SqliteApiFactory>(factory);

public sealed class PostgresBoardCounterTests(PostgresApiFactory factory) : BoardCounterTests<PostgresApiFactory>(factory);
