using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using L2R.Api.Tests.Infrastructure;

namespace L2R.Api.Tests;

/// <summary>Whatever a client sends that the API cannot take answers with ProblemDetails, and nothing is written.</summary>
public abstract class BadInputTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : L2RApiFactory
{
    [Fact]
    public async Task MalformedJson_Is400_AndNoLeadIsCreated()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var id = await admin.CreateMqlLeadAsync();
        var before = await SnapshotAsync(admin, id);

        var create = await ApiSession.ProblemAsync(await admin.Http.PostAsync("/api/leads", Json("""{"lastName": "Vance", "company": """)), HttpStatusCode.BadRequest);
        var patch = await ApiSession.ProblemAsync(await admin.Http.PatchAsync($"/api/leads/{id}", Json("""{"company": "Acme",}""")), HttpStatusCode.BadRequest);
        var wrongType = await ApiSession.ProblemAsync(await admin.Http.PostAsync("/api/leads", Json("""{"lastName": "Vance", "companySize": "lots"}""")), HttpStatusCode.BadRequest);
        await ApiSession.ProblemAsync(await admin.Http.PostAsync("/api/leads", Json("")), HttpStatusCode.BadRequest);

        Assert.All([create, patch, wrongType], p => Assert.Equal(400, p["status"]!.GetValue<int>()));
        Assert.All([create, patch, wrongType], p => Assert.NotNull(p["traceId"]));
        Assert.Equal(before, await SnapshotAsync(admin, id));
    }

    [Fact]
    public async Task UnknownTrigger_Is400_AndTheLeadDoesNotMove()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var id = await admin.CreateMqlLeadAsync();
        var before = await SnapshotAsync(admin, id);

        var teleport = await ApiSession.ProblemAsync(await admin.FireAsync(id, "Teleport"), HttpStatusCode.BadRequest);
        Assert.DoesNotContain("L2R.", teleport["detail"]!.GetValue<string>());
        Assert.Contains("$.trigger", teleport["detail"]!.GetValue<string>());
        await ApiSession.ProblemAsync(await admin.Http.PostAsync($"/api/leads/{id}/transitions", Json("""{"trigger": 99}""")), HttpStatusCode.BadRequest);

        Assert.Equal(before, await SnapshotAsync(admin, id));
    }

    [Fact]
    public async Task UnknownActivityType_Is400_AndNoActivityIsRecorded()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var id = await admin.CreateMqlLeadAsync();
        var before = await SnapshotAsync(admin, id);

        await ApiSession.ProblemAsync(await admin.Http.PostAsJsonAsync($"/api/leads/{id}/activities", new { type = "Dance" }), HttpStatusCode.BadRequest);

        Assert.Equal(before, await SnapshotAsync(admin, id));
    }

    [Fact]
    public async Task UnknownEnumInAQueryOrRoute_Is400()
    {
        var admin = await ApiSession.SignUpAsync(factory);

        await ApiSession.ProblemAsync(await admin.Http.GetAsync("/api/leads?stage=Teleport"), HttpStatusCode.BadRequest);
        await ApiSession.ProblemAsync(await admin.Http.GetAsync("/api/board/Teleport"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ABodyOverOneMebibyte_Is413_AndNothingIsWritten()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var id = await admin.CreateMqlLeadAsync();
        var before = await SnapshotAsync(admin, id);
        var huge = new string('a', 1024 * 1024 + 1);

        var create = await admin.Http.PostAsync("/api/leads", Json(new JsonObject { ["lastName"] = "Vance", ["company"] = huge }.ToJsonString()));
        var activity = await admin.Http.PostAsync($"/api/leads/{id}/activities", Json(new JsonObject { ["type"] = "Webinar", ["title"] = huge }.ToJsonString()));
        var patch = await admin.Http.PatchAsync($"/api/leads/{id}", Json(new JsonObject { ["company"] = huge }.ToJsonString()));

        foreach (var response in new[] { create, activity, patch })
        {
            var problem = await ApiSession.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
            Assert.Equal(413, problem["status"]!.GetValue<int>());
        }

        Assert.Equal(before, await SnapshotAsync(admin, id));
    }

    [Fact]
    public async Task ValidationErrors_AreListedByField_AndNothingIsWritten()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var id = await admin.CreateMqlLeadAsync();
        var before = await SnapshotAsync(admin, id);

        var create = await ApiSession.ProblemAsync(
            await admin.Http.PostAsJsonAsync("/api/leads", new { lastName = "Vance", company = "Globex", companySize = -5, website = new string('w', 501) }),
            HttpStatusCode.BadRequest);
        var nothing = await ApiSession.ProblemAsync(await admin.Http.PostAsJsonAsync("/api/leads", new { firstName = "Only" }), HttpStatusCode.BadRequest);
        var note = await ApiSession.ProblemAsync(
            await admin.Http.PostAsJsonAsync($"/api/leads/{id}/transitions", new { trigger = "Disqualify", reasonCode = "spam", note = new string('n', 2001) }),
            HttpStatusCode.BadRequest);
        var activity = await ApiSession.ProblemAsync(
            await admin.Http.PostAsJsonAsync($"/api/leads/{id}/activities", new { type = "Webinar", occurredAt = DateTime.UtcNow.AddDays(2), campaign = new string('c', 201) }),
            HttpStatusCode.BadRequest);
        var paging = await ApiSession.ProblemAsync(await admin.Http.GetAsync("/api/leads?pageSize=0&page=0"), HttpStatusCode.BadRequest);

        Assert.Equal("https://l2r.dev/problems/validation", create["type"]!.GetValue<string>());
        Assert.Equal(["companySize", "website"], Fields(create));
        Assert.Equal(["email"], Fields(nothing));
        Assert.Equal(["note"], Fields(note));
        Assert.Equal(["campaign", "occurredAt"], Fields(activity));
        Assert.Equal(["page", "pageSize"], Fields(paging));
        Assert.Equal(before, await SnapshotAsync(admin, id));
    }

    [Fact]
    public async Task PatchValidationErrors_AreKeyedByTheFieldsTheClientSent()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var sales = await admin.AddUserAsync(factory, "Sales");
        var id = await admin.CreateMqlLeadAsync();
        var before = await SnapshotAsync(admin, id);

        var problem = await ApiSession.ProblemAsync(await sales.PatchLeadAsync(id, new { companySize = -1, lastName = new string('l', 201), amount = -3 }), HttpStatusCode.BadRequest);

        Assert.Equal(["amount", "companySize", "lastName"], Fields(problem));
        Assert.Equal(before, await SnapshotAsync(admin, id));
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static IEnumerable<string> Fields(JsonObject problem) => problem["errors"]!.AsObject().Select(e => e.Key).Order();

    /// <summary>Everything a failed request could have written: the lead count, the lead, its activities and its history.</summary>
    private static async Task<string> SnapshotAsync(ApiSession session, Guid id) =>
        string.Join(
            "\n",
            await session.LeadCountAsync(),
            (await session.GetJsonAsync($"/api/leads/{id}")).ToJsonString(),
            (await session.GetJsonAsync($"/api/leads/{id}/activities")).ToJsonString(),
            (await session.GetJsonAsync($"/api/leads/{id}/history")).ToJsonString());
}

public sealed class SqliteBadInputTests(SqliteApiFactory factory) : BadInputTests<SqliteApiFactory>(factory);

public sealed class PostgresBadInputTests(PostgresApiFactory factory) : BadInputTests<PostgresApiFactory>(factory);
