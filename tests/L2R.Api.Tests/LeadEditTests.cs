using System.Net;
using System.Text.Json.Nodes;
using L2R.Api.Tests.Infrastructure;

namespace L2R.Api.Tests;

/// <summary>PATCH /api/leads/{id}: versions and ETags, stale edits, recorded changes, who may edit what.</summary>
public abstract class LeadEditTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : L2RApiFactory
{
    [Fact]
    public async Task GetAndPatch_SendTheVersionAsETag()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var id = await admin.CreateMqlLeadAsync();

        var get = await admin.Http.GetAsync($"/api/leads/{id}");
        await ApiSession.Expect(get, HttpStatusCode.OK);
        var version = (await get.Content.ReadFromJsonAsync<JsonObject>())!["version"]!.GetValue<int>();
        Assert.Equal($"\"{version}\"", get.Headers.ETag?.Tag);
        Assert.False(get.Headers.ETag!.IsWeak);

        var patch = await admin.PatchLeadAsync(id, new { title = "VP Finance" }, ifMatch: $"\"{version}\"");

        await ApiSession.Expect(patch, HttpStatusCode.OK);
        var patched = (await patch.Content.ReadFromJsonAsync<JsonObject>())!["lead"]!;
        Assert.Equal(version + 1, patched["version"]!.GetValue<int>());
        Assert.Equal($"\"{version + 1}\"", patch.Headers.ETag?.Tag);
        Assert.Equal("VP Finance", patched["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_WithStaleIfMatch_Is412_AndWritesNothing()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var id = await admin.CreateMqlLeadAsync();
        var before = await admin.GetJsonAsync($"/api/leads/{id}");
        var version = before["version"]!.GetValue<int>();

        var stale = await admin.PatchLeadAsync(id, new { company = "Stale Corp" }, ifMatch: $"\"{version - 1}\"");
        var unreadable = await admin.PatchLeadAsync(id, new { company = "Stale Corp" }, ifMatch: "\"banana\"");

        var problem = await ApiSession.ProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        Assert.Equal("https://l2r.dev/problems/stale", problem["type"]!.GetValue<string>());
        await ApiSession.ProblemAsync(unreadable, HttpStatusCode.PreconditionFailed);
        Assert.Equal(before.ToJsonString(), (await admin.GetJsonAsync($"/api/leads/{id}")).ToJsonString());
        Assert.Empty((await admin.GetJsonAsync($"/api/leads/{id}/history"))["changes"]!.AsArray());

        await ApiSession.Expect(await admin.PatchLeadAsync(id, new { company = "Fresh Corp" }, ifMatch: $"\"{version}\""), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Patch_WithIfMatchStar_AppliesToWhateverVersionIsCurrent()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var id = await admin.CreateMqlLeadAsync();

        // RFC 9110: "*" matches any current representation, so it is no precondition on an existing lead.
        var response = await admin.PatchLeadAsync(id, new { company = "Star Corp" }, ifMatch: "*");

        await ApiSession.Expect(response, HttpStatusCode.OK);
        Assert.Equal("Star Corp", (await admin.GetJsonAsync($"/api/leads/{id}"))["company"]!.GetValue<string>());
        await ApiSession.ProblemAsync(await admin.PatchLeadAsync(Guid.NewGuid(), new { company = "Nobody" }, ifMatch: "*"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Edits_AreRecordedInHistory_FieldByField_WithWhoChangedThem()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var marketing = await admin.AddUserAsync(factory, "Marketing");
        var id = Guid.Parse((await marketing.CreateLeadAsync(ApiSession.GoodFitLead()))["lead"]!["id"]!.GetValue<string>());
        var marketingId = (await marketing.GetJsonAsync("/api/me"))["id"]!.GetValue<string>();

        var response = await marketing.PatchLeadAsync(id, new { title = "Chief Revenue Officer", companySize = 1500, phone = "", industry = "Software" });

        await ApiSession.Expect(response, HttpStatusCode.OK);
        var lead = (await response.Content.ReadFromJsonAsync<JsonObject>())!["lead"]!;
        Assert.Null(lead["phone"]);
        Assert.Equal(60, lead["fitScore"]!.GetValue<int>());
        var changes = (await marketing.GetJsonAsync($"/api/leads/{id}/history"))["changes"]!.AsArray();
        var byField = changes.ToDictionary(c => c!["field"]!.GetValue<string>(), c => c!);
        Assert.Equal(["companySize", "phone", "title"], byField.Keys.Order());
        Assert.Equal("VP Operations", byField["title"]["oldValue"]!.GetValue<string>());
        Assert.Equal("Chief Revenue Officer", byField["title"]["newValue"]!.GetValue<string>());
        Assert.Equal("500", byField["companySize"]["oldValue"]!.GetValue<string>());
        Assert.Equal("1500", byField["companySize"]["newValue"]!.GetValue<string>());
        Assert.Equal("+1 555 010 2020", byField["phone"]["oldValue"]!.GetValue<string>());
        Assert.Null(byField["phone"]["newValue"]);
        Assert.All(changes, c =>
        {
            Assert.Equal(marketingId, c!["changedBy"]!.GetValue<string>());
            Assert.Equal("Marketing user", c["changedByName"]!.GetValue<string>());
        });
    }

    [Fact]
    public async Task Marketing_MayNotSetSalesFields_AndNothingIsWritten()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var marketing = await admin.AddUserAsync(factory, "Marketing");
        var id = await marketing.CreateMqlLeadAsync();
        var marketingId = (await marketing.GetJsonAsync("/api/me"))["id"]!.GetValue<string>();
        var before = (await marketing.GetJsonAsync($"/api/leads/{id}")).ToJsonString();

        await ApiSession.ProblemAsync(await marketing.PatchLeadAsync(id, new { budget = true, title = "Director" }), HttpStatusCode.Forbidden);
        await ApiSession.ProblemAsync(await marketing.PatchLeadAsync(id, new { ownerId = marketingId }), HttpStatusCode.Forbidden);
        await ApiSession.ProblemAsync(await marketing.PatchLeadAsync(id, new { amount = 1000 }), HttpStatusCode.Forbidden);

        Assert.Equal(before, (await marketing.GetJsonAsync($"/api/leads/{id}")).ToJsonString());
        Assert.Empty((await marketing.GetJsonAsync($"/api/leads/{id}/history"))["changes"]!.AsArray());
    }

    [Fact]
    public async Task Sales_ConfirmsBant_ThenQualifyForSales_MovesTheLeadToSql()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var sales = await admin.AddUserAsync(factory, "Sales");
        var id = await admin.CreateMqlLeadAsync();
        await ApiSession.Expect(await sales.FireAsync(id, "Accept"), HttpStatusCode.OK);

        var blocked = await ApiSession.ProblemAsync(await sales.FireAsync(id, "QualifyForSales"), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(
            ["Authority confirmed", "Budget confirmed", "Need confirmed", "Timeline confirmed"],
            blocked["criteria"]!.AsArray().Select(c => c!["description"]!.GetValue<string>()).Order());

        var version = (await sales.GetJsonAsync($"/api/leads/{id}"))["version"]!.GetValue<int>();
        var bant = await sales.PatchLeadAsync(id, new { budget = true, authority = true, need = true, timeline = true }, ifMatch: $"\"{version}\"");
        await ApiSession.Expect(bant, HttpStatusCode.OK);
        Assert.Equal("SalesAccepted", (await bant.Content.ReadFromJsonAsync<JsonObject>())!["lead"]!["state"]!.GetValue<string>());

        var qualify = await sales.FireAsync(id, "QualifyForSales");

        await ApiSession.Expect(qualify, HttpStatusCode.OK);
        Assert.Equal("SQL", (await qualify.Content.ReadFromJsonAsync<JsonObject>())!["lead"]!["state"]!.GetValue<string>());
        var history = await sales.GetJsonAsync($"/api/leads/{id}/history");
        Assert.Equal([null, "Score", "Qualify", "Accept", "QualifyForSales"], history["transitions"]!.AsArray().Select(t => t!["trigger"]?.GetValue<string>()));
        Assert.Equal(["authority", "budget", "need", "timeline"], history["changes"]!.AsArray().Select(c => c!["field"]!.GetValue<string>()).Order());
        Assert.All(history["transitions"]!.AsArray()[^1]!["criteria"]!.AsArray(), c => Assert.True(c!["passed"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task ChangingEmail_ToAnotherLeadsEmail_Is409_AndWritesNothing()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var first = await admin.CreateLeadAsync(ApiSession.GoodFitLead("first.one@example.test"));
        var second = Guid.Parse((await admin.CreateLeadAsync(ApiSession.GoodFitLead("second.one@example.test")))["lead"]!["id"]!.GetValue<string>());
        var before = (await admin.GetJsonAsync($"/api/leads/{second}")).ToJsonString();

        var problem = await ApiSession.ProblemAsync(await admin.PatchLeadAsync(second, new { email = "FIRST.one@example.test", title = "Director" }), HttpStatusCode.Conflict);

        Assert.Equal(first["lead"]!["id"]!.GetValue<string>(), problem["existingLeadId"]!.GetValue<string>());
        Assert.Equal(before, (await admin.GetJsonAsync($"/api/leads/{second}")).ToJsonString());
        Assert.Empty((await admin.GetJsonAsync($"/api/leads/{second}/history"))["changes"]!.AsArray());
        // Re-saving a lead's own email, in any case, is no conflict.
        await ApiSession.Expect(await admin.PatchLeadAsync(second, new { email = "Second.One@example.test" }), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Patch_ThatChangesNothing_KeepsTheVersionAndRecordsNothing()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var id = await admin.CreateMqlLeadAsync();
        var before = await admin.GetJsonAsync($"/api/leads/{id}");

        var response = await admin.PatchLeadAsync(id, new { company = before["company"]!.GetValue<string>(), companySize = before["companySize"]!.GetValue<int>() });

        await ApiSession.Expect(response, HttpStatusCode.OK);
        Assert.Equal(before["version"]!.GetValue<int>(), (await response.Content.ReadFromJsonAsync<JsonObject>())!["lead"]!["version"]!.GetValue<int>());
        Assert.Empty((await admin.GetJsonAsync($"/api/leads/{id}/history"))["changes"]!.AsArray());
    }
}

public sealed class SqliteLeadEditTests(SqliteApiFactory factory) : LeadEditTests<SqliteApiFactory>(factory);

public sealed class PostgresLeadEditTests(PostgresApiFactory factory) : LeadEditTests<PostgresApiFactory>(factory);
