using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Outbox;
using L2R.Api.Infrastructure.Tenancy;
using L2R.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace L2R.Api.Tests;

/// <summary>CSV import over HTTP: the dry run's forecast, the run through the mover, duplicates, undo, cancel, limits and tenancy.</summary>
public abstract class ImportTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : L2RApiFactory
{
    /// <summary>
    /// Three new leads (one a good fit the agreement scores, one without a company that stays Raw, one by last name only),
    /// a bad email, a row whose email came earlier in the file, and a row whose email the tenant has.
    /// </summary>
    private static string MixedFile(string existingEmail) =>
        "First Name,Last Name,Email,Company,Job Title,No. of Employees,Industry,Phone Number,Lead Status\r\n"
        + "Vera,Vance,vera@globex.example,\"Globex, Inc.\",VP Operations,201-500,Software,+1 555 0100,Open\r\n"
        + "Nora,Nocompany,nora@nowhere.example,,Analyst,,,,\r\n"
        + ",Lastonly,,,,,,,\r\n"
        + "Bad,Email,not-an-email,Initech,CTO,50,,,\r\n"
        + "Vera,Again,VERA@globex.example ,Globex,,,,,\r\n"
        + $"Exi,Sting,{existingEmail},Umbrella,Director of IT,1000,Healthcare,,Working\r\n";

    [Fact]
    public async Task DryRun_ForecastsEveryRowAndStage_AndTheRunMatchesIt_ThroughTheMover()
    {
        var marketing = await MarketingAsync();
        var existing = await marketing.CreateLeadAsync(new { lastName = "Sting", email = $"exi.{Guid.NewGuid():N}@umbrella.example" });
        var existingEmail = existing["lead"]!["email"]!.GetValue<string>();
        var before = await marketing.LeadCountAsync();

        var dry = await Imports.RunAsync(marketing, MixedFile(existingEmail));

        Assert.Equal(("Completed", true), (dry["status"]!.GetValue<string>(), dry["dryRun"]!.GetValue<bool>()));
        Assert.Equal("created 3, updated 0, skipped 2, failed 1; Raw 2, Scored 1", Imports.Summary(dry["dryRunCounts"]));
        Assert.Equal(before, await marketing.LeadCountAsync());
        var error = Assert.Single(dry["firstErrors"]!.AsArray())!;
        Assert.Equal((5L, "Email"), (error["line"]!.GetValue<long>(), error["column"]!.GetValue<string>()));
        Assert.Contains("\"not-an-email\" is not an email address", error["message"]!.GetValue<string>());
        var columns = dry["columns"]!.AsArray();
        Assert.Equal("companySize", columns[5]!["field"]!.GetValue<string>());
        Assert.Equal("custom.Lead Status", columns[8]!["suggestedField"]!.GetValue<string>());
        Assert.Equal("201-500", columns[5]!["samples"]![0]!.GetValue<string>());

        var run = await Imports.StartAsync(marketing, Imports.Id(dry));

        Assert.Equal(("Completed", false), (run["status"]!.GetValue<string>(), run["dryRun"]!.GetValue<bool>()));
        Assert.Equal(Imports.Summary(run["dryRunCounts"]), Imports.Summary(run["counts"]));
        Assert.Equal(100, run["progress"]!["percent"]!.GetValue<int>());
        Assert.Equal(before + 3, await marketing.LeadCountAsync());

        var vera = (await marketing.GetJsonAsync("/api/leads?text=vera%40globex"))["items"]![0]!;
        Assert.Equal("Scored", vera["state"]!.GetValue<string>());
        var lead = await marketing.GetJsonAsync($"/api/leads/{vera["id"]}");
        Assert.Equal((201, "Globex, Inc.", "Open"), (lead["companySize"]!.GetValue<int>(), lead["company"]!.GetValue<string>(), lead["customFields"]!["Lead Status"]!.GetValue<string>()));
        var history = (await marketing.GetJsonAsync($"/api/leads/{vera["id"]}/history"))["transitions"]!.AsArray();
        Assert.Equal(("Created", run["id"]!.GetValue<string>()), (history[0]!["kind"]!.GetValue<string>(), history[0]!["importRunId"]!.GetValue<string>()));
        Assert.Equal(("Score", "system"), (history[1]!["trigger"]!.GetValue<string>(), history[1]!["actorName"]!.GetValue<string>()));
        Assert.Equal(["email-valid", "company-present"], history[1]!["criteria"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()));
        Assert.All(history[1]!["criteria"]!.AsArray(), c => Assert.True(c!["passed"]!.GetValue<bool>()));

        var untouched = await marketing.GetJsonAsync($"/api/leads/{existing["lead"]!["id"]}");
        Assert.Equal(1, untouched["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task ImportedAndUpdatedLeads_HaveTheirEventsInTheFeed_AsLeadsWrittenByHand()
    {
        var marketing = await MarketingAsync();
        var email = $"events.{Guid.NewGuid():N}@example.test";
        var updatedId = (await marketing.CreateLeadAsync(new { lastName = "Before", email }))["lead"]!["id"]!.GetValue<string>();
        var file = $"Email,Last Name,Company\n{email},After,Eventco\nnew.{Guid.NewGuid():N}@eventco.example,Newcomer,Eventco\n";

        var run = await Imports.RunAsync(marketing, file, new { dryRun = false, duplicatePolicy = "Overwrite" });
        await factory.Services.GetRequiredService<OutboxRelay>().RunOnceAsync(CancellationToken.None);

        var createdId = (await marketing.GetJsonAsync("/api/leads?text=Newcomer"))["items"]![0]!["id"]!.GetValue<string>();
        var feed = (await marketing.GetJsonAsync("/api/events?types=lead.created,lead.updated,lead.stage_changed&limit=500"))["items"]!.AsArray();
        string[] TypesOf(string id) => [.. feed.Where(e => e!["leadId"]!.GetValue<string>() == id).Select(e => e!["type"]!.GetValue<string>())];
        Assert.Equal("created 1, updated 1, skipped 0, failed 0; Scored 2", Imports.Summary(run["counts"]));
        Assert.Equal(["lead.created", "lead.stage_changed"], TypesOf(createdId));
        Assert.Equal(["lead.created", "lead.updated", "lead.stage_changed"], TypesOf(updatedId));
    }

    [Fact]
    public async Task ReimportingTheSameFileWithSkip_CreatesNothing()
    {
        var marketing = await MarketingAsync();
        var file = MixedFile($"someone.{Guid.NewGuid():N}@example.test").Replace(",Lastonly,,,,,,,\r\n", "");
        var first = await Imports.RunAsync(marketing, file, new { dryRun = false });
        var count = await marketing.LeadCountAsync();

        var again = await Imports.RunAsync(marketing, file, new { dryRun = false, duplicatePolicy = "Skip" });

        Assert.Equal("created 3, updated 0, skipped 1, failed 1; Raw 1, Scored 2", Imports.Summary(first["counts"]));
        Assert.Equal("created 0, updated 0, skipped 4, failed 1", Imports.Summary(again["counts"]).TrimEnd(' ', ';'));
        Assert.Equal(count, await marketing.LeadCountAsync());
    }

    [Fact]
    public async Task FillEmpty_ChangesOnlyEmptyFields_AndOverwrite_ChangesTheMappedOnes()
    {
        var marketing = await MarketingAsync();
        var email = $"fill.{Guid.NewGuid():N}@example.test";
        var id = Guid.Parse((await marketing.CreateLeadAsync(new { lastName = "Original", email, title = "Manager" }))["lead"]!["id"]!.GetValue<string>());
        var file = $"Email,Last Name,Title,Company,Country\n{email},Replaced,Director,Fillco,\n";

        var filled = await Imports.RunAsync(marketing, file, new { dryRun = false, duplicatePolicy = "FillEmpty" });
        var afterFill = await marketing.GetJsonAsync($"/api/leads/{id}");
        var overwritten = await Imports.RunAsync(marketing, file, new { dryRun = false, duplicatePolicy = "Overwrite" });
        var afterOverwrite = await marketing.GetJsonAsync($"/api/leads/{id}");

        Assert.Equal("created 0, updated 1, skipped 0, failed 0; Scored 1", Imports.Summary(filled["counts"]));
        Assert.Equal(("Original", "Manager", "Fillco"), (afterFill["lastName"]!.GetValue<string>(), afterFill["title"]!.GetValue<string>(), afterFill["company"]!.GetValue<string>()));
        Assert.Null(afterFill["country"]);
        Assert.Equal("created 0, updated 1, skipped 0, failed 0; Scored 1", Imports.Summary(overwritten["counts"]));
        Assert.Equal(("Replaced", "Director", "Fillco"), (afterOverwrite["lastName"]!.GetValue<string>(), afterOverwrite["title"]!.GetValue<string>(), afterOverwrite["company"]!.GetValue<string>()));
        var changes = (await marketing.GetJsonAsync($"/api/leads/{id}/history"))["changes"]!.AsArray().Select(c => c!["field"]!.GetValue<string>()).ToList();
        Assert.Equal(["company", "lastName", "title"], changes.Order());
    }

    [Fact]
    public async Task Undo_RestoresTheTenantExactly_ButLeavesLeadsWorkedSince()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var marketing = await admin.AddUserAsync(factory, "Marketing");
        var sales = await admin.AddUserAsync(factory, "Sales");
        var kept = await marketing.CreateLeadAsync(new { lastName = "Kept", email = $"kept.{Guid.NewGuid():N}@example.test", company = "Keptco" });
        var keptEmail = kept["lead"]!["email"]!.GetValue<string>();
        var before = await SnapshotAsync(marketing);
        var file = "Email,Last Name,Company,Title,Job Function\n"
            + $"{keptEmail},Kept,Otherco,Purchaser,Purchasing\n"
            + "new.one@example.test,One,Oneco,,\n"
            + "new.two@example.test,Two,Twoco,,\n";

        var run = await Imports.RunAsync(marketing, file, new { dryRun = false, duplicatePolicy = "FillEmpty", mapping = """[{"column":"Email","field":"email"},{"column":"Last Name","field":"lastName"},{"column":"Company","field":"company"},{"column":"Title","field":"title"},{"column":"Job Function","field":"custom.Job Function"}]""" });
        Assert.Equal("created 2, updated 1, skipped 0, failed 0; Scored 3", Imports.Summary(run["counts"]));
        var worked = (await marketing.GetJsonAsync("/api/leads?text=new.two"))["items"]![0]!["id"]!.GetValue<string>();
        await ApiSession.Expect(await sales.FireAsync(Guid.Parse(worked), "Disqualify", "spam"), HttpStatusCode.OK);

        var undo = await marketing.Http.PostAsync($"/api/imports/{run["id"]}/undo", null);
        await ApiSession.Expect(undo, HttpStatusCode.OK);
        var undone = (await undo.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal("Undone", undone["status"]!.GetValue<string>());
        var report = undone["undoReport"]!;
        Assert.Equal((1, 1, 1), (report["removed"]!.GetValue<int>(), report["restored"]!.GetValue<int>(), report["leftAloneCount"]!.GetValue<int>()));
        Assert.Equal(worked, report["leftAlone"]![0]!["leadId"]!.GetValue<string>());
        var after = await SnapshotAsync(marketing);
        Assert.Equal(before.Append($"Two|new.two@example.test|Twoco||Disqualified|").Order(), after.Order());
        await ApiSession.ProblemAsync(await marketing.Http.PostAsync($"/api/imports/{run["id"]}/undo", null), HttpStatusCode.Conflict);
        var audit = (await admin.GetJsonAsync("/api/audit")).AsArray();
        Assert.Contains(audit, a => a!["action"]!.GetValue<string>() == "import.undone" && a["subject"]!.GetValue<string>() == $"import/{run["id"]}");

        // The run's completion and the lead it took back are events too, the deletion last in that lead's sequence.
        await factory.Services.GetRequiredService<OutboxRelay>().RunOnceAsync(CancellationToken.None);
        var feed = (await admin.GetJsonAsync("/api/events?limit=500"))["items"]!.AsArray();
        var completed = Assert.Single(feed, e => e!["type"]!.GetValue<string>() == "import.completed")!;
        Assert.Equal((run["id"]!.GetValue<string>(), 2), (completed["data"]!["importRunId"]!.GetValue<string>(), completed["data"]!["created"]!.GetValue<int>()));
        var deleted = Assert.Single(feed, e => e!["type"]!.GetValue<string>() == "lead.deleted")!;
        var ofThatLead = feed.Where(e => e!["leadId"]?.GetValue<string>() == deleted["leadId"]!.GetValue<string>()).ToList();
        Assert.Equal(deleted, ofThatLead[^1]);
        Assert.Equal(ofThatLead.Count, deleted["leadSequence"]!.GetValue<int>());
    }

    [Fact]
    public async Task ErrorReport_IsTheRowsWithLineColumnAndReason()
    {
        var marketing = await MarketingAsync();
        var dry = await Imports.RunAsync(marketing, MixedFile($"x.{Guid.NewGuid():N}@example.test"));

        var response = await marketing.Http.GetAsync($"/api/imports/{dry["id"]}/errors");
        await ApiSession.Expect(response, HttpStatusCode.OK);
        var rows = CsvFile.Read(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(["Error Line", "Error Column", "Error", "First Name", "Last Name", "Email"], rows[0].Take(6));
        var row = Assert.Single(rows.Skip(1));
        Assert.Equal(["5", "Email"], row.Take(2));
        Assert.Equal(["Bad", "Email", "not-an-email", "Initech"], row.Skip(3).Take(4));
    }

    [Fact]
    public async Task Cancel_StopsTheRun_AndWhatItCommittedCanBeUndone()
    {
        var marketing = await MarketingAsync();
        var file = new StringBuilder("Email,Last Name,Company\n");
        for (var i = 0; i < 6000; i++)
        {
            file.Append($"bulk{i}@cancel.example,Bulk{i},Cancelco\n");
        }

        var response = await Imports.PostAsync(marketing, file.ToString(), new { dryRun = false });
        await ApiSession.Expect(response, HttpStatusCode.Accepted);
        var id = Imports.Id((await response.Content.ReadFromJsonAsync<JsonObject>())!);
        while ((await marketing.GetJsonAsync($"/api/imports/{id}"))["progress"]!["rowsDone"]!.GetValue<int>() == 0)
        {
            await Task.Delay(20);
        }

        await ApiSession.Expect(await marketing.Http.PostAsync($"/api/imports/{id}/cancel", null), HttpStatusCode.OK);
        var run = await Imports.WaitAsync(marketing, id);

        Assert.Equal("Cancelled", run["status"]!.GetValue<string>());
        Assert.InRange(run["progress"]!["rowsDone"]!.GetValue<int>(), 1, 5999);
        Assert.Equal(run["counts"]!["created"]!.GetValue<int>(), await marketing.LeadCountAsync());
        await ApiSession.ProblemAsync(await marketing.Http.PostAsync($"/api/imports/{id}/cancel", null), HttpStatusCode.Conflict);
        await ApiSession.Expect(await marketing.Http.PostAsync($"/api/imports/{id}/undo", null), HttpStatusCode.OK);
        Assert.Equal(0, await marketing.LeadCountAsync());
    }

    [Fact]
    public async Task AnImportCutShortByARestart_ResumesAfterItsLastCommittedBatch_AndTakesEachRowOnce()
    {
        var file = new StringBuilder("Email,Last Name,Company\n");
        for (var i = 0; i < 3000; i++)
        {
            file.Append($"resume{i}@restart.example,Resume{i},Restartco\n");
        }

        await using var first = factory.SameDatabase();
        var admin = await ApiSession.SignUpAsync(first);
        var response = await Imports.PostAsync(admin, file.ToString(), new { dryRun = false });
        await ApiSession.Expect(response, HttpStatusCode.Accepted);
        var id = Imports.Id((await response.Content.ReadFromJsonAsync<JsonObject>())!);
        while ((await admin.GetJsonAsync($"/api/imports/{id}"))["progress"]!["rowsDone"]!.GetValue<int>() == 0)
        {
            await Task.Delay(20);
        }

        await first.DisposeAsync();
        await using var second = factory.SameDatabase();
        var again = await ApiSession.LoginAsync(second, admin.TenantSlug, admin.Email);
        var run = await Imports.WaitAsync(again, id);

        Assert.Equal("Completed", run["status"]!.GetValue<string>());
        Assert.Equal("created 3000, updated 0, skipped 0, failed 0; Scored 3000", Imports.Summary(run["counts"]));
        Assert.Equal(3000, await again.LeadCountAsync());
        var export = await again.Http.GetAsync("/api/leads/export");
        var emails = CsvFile.Read(await export.Content.ReadAsByteArrayAsync()).Skip(1).Select(r => r[3]).ToList();
        Assert.Equal(3000, emails.Distinct().Count());
    }

    [Fact]
    public async Task AnotherTenant_CannotSeeStartCancelOrUndoARun()
    {
        var marketing = await MarketingAsync();
        var dry = await Imports.RunAsync(marketing, "Email,Last Name\nann@iso.example,Ann\n");
        var intruder = await ApiSession.SignUpAsync(factory);
        var id = dry["id"]!.GetValue<string>();

        foreach (var url in new[] { $"/api/imports/{id}", $"/api/imports/{id}/errors" })
        {
            await ApiSession.ProblemAsync(await intruder.Http.GetAsync(url), HttpStatusCode.NotFound);
        }

        foreach (var action in new[] { "start", "cancel", "undo" })
        {
            await ApiSession.ProblemAsync(await intruder.Http.PostAsync($"/api/imports/{id}/{action}", null), HttpStatusCode.NotFound);
        }

        Assert.Empty((await intruder.GetJsonAsync("/api/imports")).AsArray());
        Assert.Equal("Completed", (await marketing.GetJsonAsync($"/api/imports/{id}"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task SalesMayNotImport()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var sales = await admin.AddUserAsync(factory, "Sales");

        await ApiSession.ProblemAsync(await Imports.PostAsync(sales, "Email,Last Name\nann@x.example,Ann\n"), HttpStatusCode.Forbidden);
        await ApiSession.ProblemAsync(await sales.Http.GetAsync("/api/imports"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AnUploadAbove100MB_Is413_AndNothingIsWritten()
    {
        var marketing = await MarketingAsync();
        var file = new byte[101 * 1024 * 1024];
        Encoding.ASCII.GetBytes("Email,Last Name\n").CopyTo(file, 0);
        Array.Fill(file, (byte)'a', 16, file.Length - 16);

        var response = await marketing.Http.PostAsync("/api/imports", Imports.Form(file));

        await ApiSession.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty((await marketing.GetJsonAsync("/api/imports")).AsArray());
        Assert.Equal(0, await ChunksOfAsync(marketing.TenantId));
    }

    [Theory]
    [InlineData("latin1", "file", "Line 3 is not UTF-8 text")]
    [InlineData("Email\tName\na@x.example\tAnn\n", "file", "Line 1: separate the columns with commas or semicolons")]
    [InlineData("Email,Last Name\r\n", "file", "The file has a header but no rows")]
    [InlineData("Phone,Title\n+1 555,CTO\n", "mapping", "Map a column to email, last name or company")]
    public async Task UnreadableFiles_Are400NamingTheProblem_AndNothingIsWritten(string csv, string field, string message)
    {
        var marketing = await MarketingAsync();
        var bytes = csv == "latin1"
            ? [.. "Email,Last Name\na@x.example,Ann\nb@x.example,Jos"u8.ToArray(), 0xE9, (byte)'\n']
            : Encoding.UTF8.GetBytes(csv);

        var problem = await ApiSession.ProblemAsync(await marketing.Http.PostAsync("/api/imports", Imports.Form(bytes)), HttpStatusCode.BadRequest);

        Assert.StartsWith(message, problem["errors"]![field]![0]!.GetValue<string>());
        Assert.Empty((await marketing.GetJsonAsync("/api/imports")).AsArray());
        Assert.Equal(0, await ChunksOfAsync(marketing.TenantId));
    }

    [Fact]
    public async Task BadMappings_Are400_NamingEachProblem()
    {
        var marketing = await MarketingAsync();
        var mapping = """[{"column":"Nope","field":"email"},{"column":"Email","field":"stage"},{"column":"Last Name","field":"lastName"},{"column":"Company","field":"lastName"}]""";

        var problem = await ApiSession.ProblemAsync(
            await Imports.PostAsync(marketing, "Email,Last Name,Company\na@x.example,Ann,Acme\n", new { mapping }), HttpStatusCode.BadRequest);

        var errors = problem["errors"]!["mapping"]!.AsArray().Select(e => e!.GetValue<string>()).ToList();
        Assert.Contains("The file has no column \"Nope\".", errors);
        Assert.Contains("\"stage\" (for column \"Email\") is not a field an import can fill.", errors);
        Assert.Contains(errors, e => e.StartsWith("The field \"lastName\" is mapped from more than one column", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Templates_AreSavedPerTenant_AndAnUploadCanNameOne()
    {
        var marketing = await MarketingAsync();
        var template = new { kind = "Leads", duplicatePolicy = "FillEmpty", mapping = new[] { new { column = "Mail", field = "email" }, new { column = "Org", field = "company" }, new { column = "Notes", field = "custom.Notes" } } };
        await ApiSession.Expect(await marketing.Http.PutAsJsonAsync("/api/imports/templates/Old%20CRM", template), HttpStatusCode.OK);

        var dry = await Imports.RunAsync(marketing, "Mail,Org,Notes,Other\nann@tpl.example,Tplco,met at fair,x\n", new { template = "Old CRM" });

        Assert.Equal(("FillEmpty", "Old CRM"), (dry["duplicatePolicy"]!.GetValue<string>(), dry["templateName"]!.GetValue<string>()));
        Assert.Equal(["email", "company", "custom.Notes", null], dry["columns"]!.AsArray().Select(c => c!["field"]?.GetValue<string>()));
        Assert.Equal("Old CRM", (await marketing.GetJsonAsync("/api/imports/templates")).AsArray().Single()!["name"]!.GetValue<string>());
        var other = await ApiSession.SignUpAsync(factory);
        Assert.Empty((await other.GetJsonAsync("/api/imports/templates")).AsArray());
        await ApiSession.ProblemAsync(await Imports.PostAsync(other, "Mail,Org\na@x.example,X\n", new { template = "Old CRM" }), HttpStatusCode.BadRequest);
        await ApiSession.Expect(await marketing.Http.DeleteAsync("/api/imports/templates/Old%20CRM"), HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task ActivitiesImport_ScoresAndAdvancesLeads_AndUndoTakesTheActivitiesBack()
    {
        var marketing = await MarketingAsync();
        var lead = await marketing.CreateLeadAsync(ApiSession.GoodFitLead());
        var email = lead["lead"]!["email"]!.GetValue<string>();
        var now = DateTime.UtcNow.AddHours(-1).ToString("O");
        var file = $"Email,Activity Type,Time,Page URL\n{email},Webinar,{now},https://x.example/webinar\n{email},Form Submission,{now},\nnobody@nowhere.example,Webinar,{now},\n{email},Dance,{now},\n";

        var dry = await Imports.RunAsync(marketing, file, new { kind = "Activities" });
        var run = await Imports.StartAsync(marketing, Imports.Id(dry));

        Assert.Equal("created 2, updated 0, skipped 0, failed 2; MQL 1", Imports.Summary(dry["dryRunCounts"]));
        Assert.Equal(Imports.Summary(dry["dryRunCounts"]), Imports.Summary(run["counts"]));
        var id = lead["lead"]!["id"]!.GetValue<string>();
        Assert.Equal("MQL", (await marketing.GetJsonAsync($"/api/leads/{id}"))["state"]!.GetValue<string>());
        Assert.Equal(2, (await marketing.GetJsonAsync($"/api/leads/{id}/activities")).AsArray().Count);

        await ApiSession.Expect(await marketing.Http.PostAsync($"/api/imports/{run["id"]}/undo", null), HttpStatusCode.OK);
        Assert.Empty((await marketing.GetJsonAsync($"/api/leads/{id}/activities")).AsArray());
    }

    private async Task<ApiSession> MarketingAsync() => await (await ApiSession.SignUpAsync(factory)).AddUserAsync(factory, "Marketing");

    /// <summary>The tenant's stored file chunks, counted in its own scope whatever run they belong to: a refused upload must leave none, even unlisted.</summary>
    private async Task<int> ChunksOfAsync(Guid tenantId)
    {
        await using var scope = factory.Services.GetRequiredService<ITenantScopes>().Open(tenantId);
        return await scope.ServiceProvider.GetRequiredService<L2RDbContext>().ImportFileChunks.CountAsync();
    }

    /// <summary>Every lead's profile and stage, one line each, to compare a tenant before and after.</summary>
    private static async Task<List<string>> SnapshotAsync(ApiSession session)
    {
        var items = (await session.GetJsonAsync("/api/leads?pageSize=200"))["items"]!.AsArray();
        var lines = new List<string>();
        foreach (var item in items)
        {
            var lead = await session.GetJsonAsync($"/api/leads/{item!["id"]}");
            lines.Add(string.Join('|', lead["lastName"], lead["email"], lead["company"], lead["title"], lead["state"], string.Join(';', lead["customFields"]!.AsObject().Select(f => $"{f.Key}={f.Value}"))));
        }

        return lines;
    }
}

public sealed class SqliteImportTests(SqliteApiFactory factory) : ImportTests<SqliteApiFactory>(factory);

public sealed class PostgresImportTests(PostgresApiFactory factory) : ImportTests<PostgresApiFactory>(factory);
