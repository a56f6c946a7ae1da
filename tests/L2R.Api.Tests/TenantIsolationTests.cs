using System.Net;
using System.Text.Json.Nodes;
using L2R.Api.Tests.Infrastructure;

namespace L2R.Api.Tests;

/// <summary>
/// One test per resource: another tenant's id answers 404 (never 403, and before any other check), lists never show
/// its rows, and nothing of the owner's data changes.
/// </summary>
public abstract class TenantIsolationTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : L2RApiFactory
{
    [Fact]
    public async Task Lead_OfAnotherTenant_Is404OnGetAndPatch_AndStaysUnchanged()
    {
        var (owner, intruder, leadId) = await TwoTenantsAndAnMqlLeadAsync();
        var before = await owner.GetJsonAsync($"/api/leads/{leadId}");

        await ApiSession.ProblemAsync(await intruder.Http.GetAsync($"/api/leads/{leadId}"), HttpStatusCode.NotFound);
        await ApiSession.ProblemAsync(await intruder.PatchLeadAsync(leadId, new { firstName = "Mallory" }), HttpStatusCode.NotFound);
        // Sales fields would be 403 for a lone Admin and a stale If-Match 412: 404 comes first.
        await ApiSession.ProblemAsync(await intruder.PatchLeadAsync(leadId, new { budget = true }, ifMatch: "\"999\""), HttpStatusCode.NotFound);

        var after = await owner.GetJsonAsync($"/api/leads/{leadId}");
        Assert.Equal(before.ToJsonString(), after.ToJsonString());
        Assert.Empty((await owner.GetJsonAsync($"/api/leads/{leadId}/history"))["changes"]!.AsArray());
    }

    [Fact]
    public async Task Transitions_OfAnotherTenantsLead_Are404OnGetAndPost_AndNothingMoves()
    {
        var (owner, intruder, leadId) = await TwoTenantsAndAnMqlLeadAsync();
        var intruderSales = await intruder.AddUserAsync(factory, "Sales");

        await ApiSession.ProblemAsync(await intruder.Http.GetAsync($"/api/leads/{leadId}/transitions"), HttpStatusCode.NotFound);
        // The lone Admin may not Accept (403) and the stale If-Match would be 412: 404 comes first.
        await ApiSession.ProblemAsync(await intruder.FireAsync(leadId, "Accept", ifMatch: "\"999\""), HttpStatusCode.NotFound);
        await ApiSession.ProblemAsync(await intruderSales.FireAsync(leadId, "Accept"), HttpStatusCode.NotFound);
        await ApiSession.ProblemAsync(await intruderSales.FireAsync(leadId, "Reject", "no-need"), HttpStatusCode.NotFound);

        var lead = await owner.GetJsonAsync($"/api/leads/{leadId}");
        Assert.Equal("MQL", lead["state"]!.GetValue<string>());
        Assert.Null(lead["ownerId"]);
        Assert.Equal(3, (await owner.GetJsonAsync($"/api/leads/{leadId}/history"))["transitions"]!.AsArray().Count);
    }

    [Fact]
    public async Task History_OfAnotherTenantsLead_Is404()
    {
        var (_, intruder, leadId) = await TwoTenantsAndAnMqlLeadAsync();

        await ApiSession.ProblemAsync(await intruder.Http.GetAsync($"/api/leads/{leadId}/history"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Activities_OfAnotherTenantsLead_Are404OnGetAndPost_AndNoneIsRecorded()
    {
        var (owner, intruder, leadId) = await TwoTenantsAndAnMqlLeadAsync();

        await ApiSession.ProblemAsync(await intruder.Http.GetAsync($"/api/leads/{leadId}/activities"), HttpStatusCode.NotFound);
        var post = await intruder.Http.PostAsJsonAsync($"/api/leads/{leadId}/activities", new { type = "Meeting" });
        await ApiSession.ProblemAsync(post, HttpStatusCode.NotFound);

        var activities = (await owner.GetJsonAsync($"/api/leads/{leadId}/activities")).AsArray();
        Assert.Equal(["FormSubmission", "Webinar"], activities.Select(a => a!["type"]!.GetValue<string>()).Order());
        Assert.Equal("MQL", (await owner.GetJsonAsync($"/api/leads/{leadId}"))["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Score_OfAnotherTenantsLead_Is404()
    {
        var (_, intruder, leadId) = await TwoTenantsAndAnMqlLeadAsync();

        await ApiSession.ProblemAsync(await intruder.Http.GetAsync($"/api/leads/{leadId}/score"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task NotFound_ForAForeignId_LooksExactlyLikeNotFoundForAnUnknownId()
    {
        var (_, intruder, leadId) = await TwoTenantsAndAnMqlLeadAsync();
        var unknown = Guid.NewGuid();

        foreach (var path in new[] { "", "/history", "/activities", "/score", "/transitions", "/feedback" })
        {
            var foreign = await ApiSession.ProblemAsync(await intruder.Http.GetAsync($"/api/leads/{leadId}{path}"), HttpStatusCode.NotFound);
            var random = await ApiSession.ProblemAsync(await intruder.Http.GetAsync($"/api/leads/{unknown}{path}"), HttpStatusCode.NotFound);

            Assert.Equal(Keys(random), Keys(foreign));
            foreach (var key in new[] { "type", "title", "status" })
            {
                Assert.Equal(random[key]!.ToJsonString(), foreign[key]!.ToJsonString());
            }

            Assert.Equal(random["detail"]!.GetValue<string>().Replace(unknown.ToString(), "{id}"), foreign["detail"]!.GetValue<string>().Replace(leadId.ToString(), "{id}"));
        }

        static IEnumerable<string> Keys(JsonObject o) => o.Select(p => p.Key).Order();
    }

    [Fact]
    public async Task LeadList_NeverContainsAnotherTenantsRows_WhateverTheFilter()
    {
        var (owner, intruder, leadId) = await TwoTenantsAndAnMqlLeadAsync();
        var ownLead = await intruder.CreateLeadAsync(ApiSession.GoodFitLead());
        var ownerLead = await owner.GetJsonAsync($"/api/leads/{leadId}");

        var all = await intruder.GetJsonAsync("/api/leads?pageSize=200");
        Assert.Equal(1, all["total"]!.GetValue<int>());
        Assert.Equal(ownLead["lead"]!["id"]!.GetValue<string>(), Assert.Single(all["items"]!.AsArray())!["id"]!.GetValue<string>());

        var email = Uri.EscapeDataString(ownerLead["email"]!.GetValue<string>());
        foreach (var query in new[] { "stage=MQL", $"text={email}", "source=Webinar&campaign=Spring%20Launch", "owner=none" })
        {
            var page = await intruder.GetJsonAsync($"/api/leads?{query}");
            Assert.DoesNotContain(page["items"]!.AsArray(), i => i!["id"]!.GetValue<string>() == leadId.ToString());
        }

        Assert.Equal(0, (await intruder.GetJsonAsync($"/api/leads?text={email}"))["total"]!.GetValue<int>());
        Assert.Equal(0, (await intruder.GetJsonAsync("/api/leads?stage=MQL"))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task CreateOrEdit_WithAnotherTenantsLeadEmail_IsAllowed_SoNoConflictRevealsIt()
    {
        var (owner, intruder, leadId) = await TwoTenantsAndAnMqlLeadAsync();
        var email = (await owner.GetJsonAsync($"/api/leads/{leadId}"))["email"]!.GetValue<string>();

        await intruder.CreateLeadAsync(ApiSession.GoodFitLead(email.ToUpperInvariant()));
        var second = Guid.Parse((await intruder.CreateLeadAsync(ApiSession.GoodFitLead()))["lead"]!["id"]!.GetValue<string>());
        var edit = await intruder.PatchLeadAsync(second, new { email = $"other.{email}" });
        await ApiSession.Expect(edit, HttpStatusCode.OK);
        await owner.CreateLeadAsync(ApiSession.GoodFitLead($"other.{email}"));

        Assert.Equal(2, await intruder.LeadCountAsync());
        Assert.Equal(2, await owner.LeadCountAsync());
    }

    [Fact]
    public async Task Board_NeverShowsAnotherTenantsCardsOrCounts()
    {
        var (_, intruder, leadId) = await TwoTenantsAndAnMqlLeadAsync();
        var ownLead = Guid.Parse((await intruder.CreateLeadAsync(ApiSession.GoodFitLead()))["lead"]!["id"]!.GetValue<string>());

        var board = await intruder.GetJsonAsync("/api/board?take=100");
        var columns = board["columns"]!.AsArray();
        Assert.Equal(1, columns.Sum(c => c!["count"]!.GetValue<int>()));
        var cards = columns.SelectMany(c => c!["cards"]!.AsArray()).Select(c => Guid.Parse(c!["id"]!.GetValue<string>())).ToList();
        Assert.Equal([ownLead], cards);
        Assert.Equal(0, columns.Single(c => c!["state"]!.GetValue<string>() == "MQL")!["count"]!.GetValue<int>());

        var mql = await intruder.GetJsonAsync("/api/board/MQL?take=100");
        Assert.Equal(0, mql["count"]!.GetValue<int>());
        Assert.Empty(mql["cards"]!.AsArray());
        Assert.DoesNotContain(leadId.ToString(), mql.ToJsonString());
    }

    [Fact]
    public async Task Agreement_VersionsAndDiagram_AreEachTenantsOwn()
    {
        var a = await ApiSession.SignUpAsync(factory);
        var b = await ApiSession.SignUpAsync(factory);

        var activeA = await a.GetJsonAsync("/api/agreement");
        var activeB = await b.GetJsonAsync("/api/agreement");
        Assert.NotEqual(activeA["id"]!.GetValue<string>(), activeB["id"]!.GetValue<string>());

        var versionsA = (await a.GetJsonAsync("/api/agreement/versions")).AsArray();
        var versionsB = (await b.GetJsonAsync("/api/agreement/versions")).AsArray();
        Assert.Equal(activeA["id"]!.GetValue<string>(), Assert.Single(versionsA)!["id"]!.GetValue<string>());
        Assert.Equal(activeB["id"]!.GetValue<string>(), Assert.Single(versionsB)!["id"]!.GetValue<string>());

        var diagram = await b.GetJsonAsync("/api/agreement/diagram");
        Assert.Equal(1, diagram["version"]!.GetValue<int>());
        Assert.DoesNotContain(activeA["id"]!.GetValue<string>(), diagram.ToJsonString());
    }

    [Fact]
    public async Task Users_ListOnlyTheirTenant_AndAnotherTenantsUserIs404ForGetRolesAndDeactivate()
    {
        var a = await ApiSession.SignUpAsync(factory);
        var b = await ApiSession.SignUpAsync(factory);
        var bSales = await b.AddUserAsync(factory, "Sales");
        var bUsers = (await b.GetJsonAsync("/api/users")).AsArray();
        var bSalesId = bUsers.Single(u => u!["email"]!.GetValue<string>() == bSales.Email)!["id"]!.GetValue<string>();
        var bAdminId = bUsers.Single(u => u!["email"]!.GetValue<string>() == b.Email)!["id"]!.GetValue<string>();

        var aUsers = (await a.GetJsonAsync("/api/users")).AsArray();
        Assert.Equal([a.Email], aUsers.Select(u => u!["email"]!.GetValue<string>()));

        await ApiSession.ProblemAsync(await a.Http.GetAsync($"/api/users/{bSalesId}"), HttpStatusCode.NotFound);
        await ApiSession.ProblemAsync(await a.Http.PutAsJsonAsync($"/api/users/{bSalesId}/roles", new { roles = new[] { "Admin" } }), HttpStatusCode.NotFound);
        await ApiSession.ProblemAsync(await a.Http.PostAsync($"/api/users/{bAdminId}/deactivate", null), HttpStatusCode.NotFound);
        await ApiSession.ProblemAsync(await a.Http.PostAsync($"/api/users/{bSalesId}/deactivate", null), HttpStatusCode.NotFound);

        // The same email may exist in two tenants: a conflict would reveal the other tenant's user.
        var sameEmail = await a.Http.PostAsJsonAsync("/api/users", new { email = bSales.Email, displayName = "Namesake", password = ApiSession.Password, roles = new[] { "Sales" } });
        await ApiSession.Expect(sameEmail, HttpStatusCode.Created);

        var salesAfter = (await b.GetJsonAsync("/api/users")).AsArray().Single(u => u!["id"]!.GetValue<string>() == bSalesId)!;
        Assert.Equal(["Sales"], salesAfter["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.True(salesAfter["isActive"]!.GetValue<bool>());
        await ApiSession.LoginAsync(factory, bSales.TenantSlug, bSales.Email);
        await ApiSession.LoginAsync(factory, b.TenantSlug, b.Email);
    }

    [Fact]
    public async Task LeadOwner_CannotBeAnotherTenantsUser()
    {
        var (owner, intruder, leadId) = await TwoTenantsAndAnMqlLeadAsync();
        var intruderId = (await intruder.GetJsonAsync("/api/me"))["id"]!.GetValue<string>();

        var problem = await ApiSession.ProblemAsync(await owner.PatchLeadAsync(leadId, new { ownerId = intruderId }), HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]!["ownerId"]);
        Assert.Null((await owner.GetJsonAsync($"/api/leads/{leadId}"))["ownerId"]);
        Assert.Equal(0, (await owner.GetJsonAsync($"/api/board?owner={intruderId}"))["columns"]!.AsArray().Sum(c => c!["count"]!.GetValue<int>()));
    }

    private async Task<(ApiSession Owner, ApiSession Intruder, Guid LeadId)> TwoTenantsAndAnMqlLeadAsync()
    {
        var owner = await ApiSession.SignUpAsync(factory);
        var intruder = await ApiSession.SignUpAsync(factory);
        return (owner, intruder, await owner.CreateMqlLeadAsync());
    }
}

public sealed class SqliteTenantIsolationTests(SqliteApiFactory factory) : TenantIsolationTests<SqliteApiFactory>(factory);

public sealed class PostgresTenantIsolationTests(PostgresApiFactory factory) : TenantIsolationTests<PostgresApiFactory>(factory);
