using System.Net;
using System.Text.Json.Nodes;
using L2R.Api.Features.Slas.CheckSlaClocks;
using L2R.Api.Infrastructure.Tenancy;
using L2R.Api.Tests.Infrastructure;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace L2R.Api.Tests;

/// <summary>
/// Routing over HTTP with the test clock: a team and a rule in the active agreement, an MQL assigned in the request
/// that qualified it with the reason in its history, decisions kept to the owner, their team lead or an admin, a missed
/// SLA escalated to the team lead and reassigned, the queue drained as capacity frees, the fairness ledger, and teams
/// that stay in their tenant and cannot be deleted while routed to.
/// </summary>
public abstract class RoutingTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : L2RApiFactory
{
    /// <summary>Monday 7 January 2030, on the default calendar (Monday to Friday, 09:00–17:00 UTC).</summary>
    private static DateTimeOffset Monday(double hour) => new DateTimeOffset(2030, 1, 7, 0, 0, 0, TimeSpan.Zero).AddHours(hour);

    private sealed record People(Team Team, ApiSession Sofia, Guid SofiaId, ApiSession Bruno, Guid BrunoId, ApiSession Lena, Guid LenaId, Guid TeamId);

    /// <summary>
    /// Sofia (weight 2) and Bruno (weight 1) in "Inbound", led by Lena, and an agreement routing every MQL (or every lead
    /// entering <paramref name="stage"/>) to it; the SLA is 4 business hours from the same entry, escalated to the team
    /// lead and reassigned on breach.
    /// </summary>
    private async Task<People> InboundAsync(int? maxOpen = null, string stage = "MQL")
    {
        var team = await Team.CreateAsync(factory);
        var (sofia, sofiaId) = await AddAsync(team, "Sofia Sales");
        var (bruno, brunoId) = await AddAsync(team, "Bruno Sales");
        var (lena, lenaId) = await AddAsync(team, "Lena Lead");
        var created = await team.Admin.Http.PostAsJsonAsync("/api/teams", new
        {
            name = "Inbound",
            leadUserId = lenaId,
            members = new[] { new { userId = sofiaId, weight = 2, maxOpenLeads = maxOpen }, new { userId = brunoId, weight = 1, maxOpenLeads = maxOpen } },
        });
        await ApiSession.Expect(created, HttpStatusCode.Created);
        var teamId = Guid.Parse((await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>());
        await team.ActivateAsync(agreement =>
        {
            agreement["routing"] = new JsonObject
            {
                ["assignOnEntry"] = stage,
                ["rules"] = new JsonArray(new JsonObject { ["id"] = "all", ["name"] = "Everyone", ["teamId"] = teamId.ToString(), ["distribution"] = "WeightedRoundRobin" }),
            };
            agreement["slas"]!["terms"] = new JsonArray(new JsonObject
            {
                ["id"] = "mql-response",
                ["name"] = "MQL response",
                ["startStage"] = stage,
                ["stopTriggers"] = stage == "MQL" ? new JsonArray("Accept", "Reject") : new JsonArray(),
                ["stopTouches"] = new JsonArray("Call"),
                ["targetHours"] = 4,
                ["onBreach"] = new JsonObject { ["escalateTo"] = "TeamLead", ["reassign"] = true },
            });
        });
        return new People(team, sofia, sofiaId, bruno, brunoId, lena, lenaId, teamId);
    }

    private async Task<(ApiSession Session, Guid Id)> AddAsync(Team team, string name)
    {
        var email = $"{name.Replace(' ', '.').ToLowerInvariant()}.{Guid.NewGuid():N}@example.test";
        var response = await team.Admin.Http.PostAsJsonAsync("/api/users", new { email, displayName = name, password = ApiSession.Password, roles = new[] { "Sales" } });
        await ApiSession.Expect(response, HttpStatusCode.Created);
        var id = Guid.Parse((await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>());
        return (await ApiSession.LoginAsync(factory, team.Admin.TenantSlug, email), id);
    }

    [Fact]
    public async Task AnMql_IsAssignedOnEntry_WithTheReasonInItsHistory_AndOnlyItsOwnerTheTeamLeadOrAnAdminMayDecide()
    {
        var p = await InboundAsync();
        Guid first, second;
        using (factory.Clock.TravelTo(Monday(9)))
        {
            first = await p.Team.Marketing.CreateMqlLeadAsync();
            second = await p.Team.Marketing.CreateMqlLeadAsync();
        }

        Assert.Equal(p.SofiaId.ToString(), (await p.Team.Sales.GetJsonAsync($"/api/leads/{first}"))["ownerId"]!.GetValue<string>());
        Assert.Equal(p.BrunoId.ToString(), (await p.Team.Sales.GetJsonAsync($"/api/leads/{second}"))["ownerId"]!.GetValue<string>());
        var history = await p.Team.Sales.GetJsonAsync($"/api/leads/{first}/history");
        var assignment = Assert.Single(history["assignments"]!.AsArray())!;
        Assert.Equal(("Routed", "Inbound", "Sofia Sales"), (assignment["kind"]!.GetValue<string>(), assignment["teamName"]!.GetValue<string>(), assignment["userName"]!.GetValue<string>()));
        Assert.Equal("Inbound: Sofia Sales, weighted round robin; due Mon 13:00 UTC", assignment["reason"]!.GetValue<string>());
        Assert.Single(history["transitions"]!.AsArray(), t => t!["to"]!.GetValue<string>() == "MQL");

        // The board offers the decision only to who may make it.
        bool Offered(JsonNode options, string trigger) => options.AsArray().Single(o => o!["trigger"]!.GetValue<string>() == trigger)!["allowed"]!.GetValue<bool>();
        Assert.False(Offered(await p.Bruno.GetJsonAsync($"/api/leads/{first}/transitions"), "Accept"));
        Assert.True(Offered(await p.Sofia.GetJsonAsync($"/api/leads/{first}/transitions"), "Accept"));
        Assert.True(Offered(await p.Lena.GetJsonAsync($"/api/leads/{first}/transitions"), "Reject"));

        var refused = await ApiSession.ProblemAsync(await p.Bruno.FireAsync(first, "Accept"), HttpStatusCode.Forbidden);
        Assert.Contains("belongs to Sofia Sales", refused["detail"]!.GetValue<string>());
        await ApiSession.ProblemAsync(await p.Team.Sales.FireAsync(first, "Reject", "no-need"), HttpStatusCode.Forbidden);
        await ApiSession.Expect(await p.Lena.FireAsync(first, "Reject", "no-need"), HttpStatusCode.OK);
        await ApiSession.Expect(await p.Bruno.FireAsync(second, "Accept"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task AnImport_RoutesTheLeadsItQualifies_ByTheSameRules_WithTheReasonAndAClockForEach()
    {
        var p = await InboundAsync(stage: "Scored");
        var file = "First Name,Last Name,Email,Company,Job Title,No. of Employees,Industry\r\n"
            + string.Concat(Enumerable.Range(1, 3).Select(i => $"Vera{i},Vance,vera{i}.{Guid.NewGuid():N}@globex.example,Globex,VP Operations,201-500,Software\r\n"));
        JsonObject run;
        using (factory.Clock.TravelTo(Monday(9)))
        {
            run = await Imports.RunAsync(p.Team.Marketing, file, new { dryRun = false });
        }

        Assert.Equal("created 3, updated 0, skipped 0, failed 0; Scored 3", Imports.Summary(run["counts"]));
        var ids = (await p.Team.Sales.GetJsonAsync("/api/leads?text=globex.example"))["items"]!.AsArray().Select(l => l!["id"]!.GetValue<string>()).ToList();
        var owners = new List<string>();
        foreach (var id in ids)
        {
            owners.Add((await p.Team.Sales.GetJsonAsync($"/api/leads/{id}"))["ownerId"]!.GetValue<string>());
            var assignment = Assert.Single((await p.Team.Sales.GetJsonAsync($"/api/leads/{id}/history"))["assignments"]!.AsArray())!;
            Assert.Equal("Routed", assignment["kind"]!.GetValue<string>());
            Assert.EndsWith("weighted round robin; due Mon 13:00 UTC", assignment["reason"]!.GetValue<string>());
            var clock = Assert.Single((await p.Team.Sales.GetJsonAsync($"/api/leads/{id}/sla")).AsArray())!;
            Assert.Equal(("Running", Monday(13).UtcDateTime), (clock["status"]!.GetValue<string>(), clock["dueAt"]!.GetValue<DateTime>().ToUniversalTime()));
        }

        Assert.Equal((2, 1), (owners.Count(o => o == p.SofiaId.ToString()), owners.Count(o => o == p.BrunoId.ToString())));
    }

    [Fact]
    public async Task AnImportedLeadNobodyCanAnswerInTime_IsNamedInTheTeamLeadsNotice()
    {
        var p = await InboundAsync(stage: "Scored");
        // Their own hours start after the lead's 4-hour SLA ends (Monday 13:00): whoever can act soonest gets it, and Lena hears.
        var late = new { workingHours = new[] { new { day = "Monday", start = "14:00:00", end = "17:00:00" } } };
        foreach (var member in new[] { p.SofiaId, p.BrunoId })
        {
            await ApiSession.Expect(await p.Team.Admin.Http.PutAsJsonAsync($"/api/users/{member}/availability", late), HttpStatusCode.OK);
        }

        using (factory.Clock.TravelTo(Monday(9)))
        {
            await Imports.RunAsync(p.Team.Marketing, "First Name,Last Name,Email,Company,Job Title,No. of Employees,Industry\r\n"
                + $"Nadia,Late,nadia.{Guid.NewGuid():N}@globex.example,Globex,VP Operations,201-500,Software\r\n", new { dryRun = false });
        }

        var notices = (await p.Lena.GetJsonAsync("/api/notifications"))["items"]!.AsArray();
        var escalation = Assert.Single(notices, n => n!["kind"]!.GetValue<string>() == "RoutingEscalation")!;
        Assert.StartsWith("Nadia Late cannot be answered within its SLA: ", escalation["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task AMissedSla_NotifiesTheTeamLead_AndReassignsToAMemberWhoNeverHadIt()
    {
        var p = await InboundAsync();
        Guid id;
        using (var travel = factory.Clock.TravelTo(Monday(9)))
        {
            id = await p.Team.Marketing.CreateMqlLeadAsync();
            travel.Now = Monday(13.5);
            Assert.Equal(1, (await CheckAsync(p.Team)).Breached);
        }

        var lead = await p.Team.Sales.GetJsonAsync($"/api/leads/{id}");
        Assert.Equal(p.BrunoId.ToString(), lead["ownerId"]!.GetValue<string>());
        var reassigned = (await p.Team.Sales.GetJsonAsync($"/api/leads/{id}/history"))["assignments"]!.AsArray()[1]!;
        Assert.Equal(("Reassigned", p.SofiaId.ToString()), (reassigned["kind"]!.GetValue<string>(), reassigned["previousOwnerId"]!.GetValue<string>()));
        Assert.StartsWith("SLA missed, reassigned: Inbound: Bruno Sales", reassigned["reason"]!.GetValue<string>());

        Assert.Contains("SlaBreach", Kinds(await p.Lena.GetJsonAsync("/api/notifications")));
        Assert.Contains("SlaBreach", Kinds(await p.Sofia.GetJsonAsync("/api/notifications")));
        Assert.Equal(["LeadReassigned"], Kinds(await p.Bruno.GetJsonAsync("/api/notifications")));
        Assert.DoesNotContain("SlaBreach", Kinds(await p.Team.Admin.GetJsonAsync("/api/notifications")));
    }

    [Fact]
    public async Task WhatExceedsEveryCap_WaitsInTheTeamsQueue_AndIsAssignedAsCapacityFrees()
    {
        var p = await InboundAsync(maxOpen: 1);
        Guid first, second, third;
        using (var travel = factory.Clock.TravelTo(Monday(9)))
        {
            first = await p.Team.Marketing.CreateMqlLeadAsync();
            second = await p.Team.Marketing.CreateMqlLeadAsync();
            third = await p.Team.Marketing.CreateMqlLeadAsync();

            var inbound = await p.Team.Admin.GetJsonAsync($"/api/teams/{p.TeamId}");
            Assert.Equal((1, third.ToString()), (inbound["waiting"]!.GetValue<int>(), inbound["queue"]![0]!["leadId"]!.GetValue<string>()));
            Assert.Null((await p.Team.Sales.GetJsonAsync($"/api/leads/{third}"))["ownerId"]);
            var queued = (await p.Team.Sales.GetJsonAsync($"/api/leads/{third}/history"))["assignments"]![0]!;
            Assert.Contains("Sofia Sales skipped: at capacity 1/1", queued["reason"]!.GetValue<string>());

            await ApiSession.Expect(await p.Sofia.FireAsync(first, "Accept"), HttpStatusCode.OK);
            travel.Now = Monday(9.5);
            await CheckAsync(p.Team);
        }

        Assert.Equal(p.SofiaId.ToString(), (await p.Team.Sales.GetJsonAsync($"/api/leads/{third}"))["ownerId"]!.GetValue<string>());
        Assert.Equal(0, (await p.Team.Admin.GetJsonAsync($"/api/teams/{p.TeamId}"))["waiting"]!.GetValue<int>());
        Assert.Equal(p.BrunoId.ToString(), (await p.Team.Sales.GetJsonAsync($"/api/leads/{second}"))["ownerId"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheFairnessLedger_ComparesEachShareByWeightWithWhatWasReceived_CreditingLeadsThatCameBack()
    {
        var p = await InboundAsync();
        var leads = new List<Guid>();
        using (factory.Clock.TravelTo(Monday(9)))
        {
            for (var i = 0; i < 3; i++)
            {
                leads.Add(await p.Team.Marketing.CreateMqlLeadAsync());
            }

            await ApiSession.Expect(await p.Sofia.FireAsync(leads[0], "Reject", "no-need"), HttpStatusCode.OK);
        }

        // A draft of the same rules would route the two MQLs left by its one rule.
        var draft = await p.Team.Admin.CreateDraftAsync();
        var simulation = await p.Team.Admin.Http.PostAsync($"/api/agreement/drafts/{draft["id"]}/simulation", null);
        await ApiSession.Expect(simulation, HttpStatusCode.OK);
        var routing = (await simulation.Content.ReadFromJsonAsync<JsonObject>())!["routing"]!.AsArray();
        Assert.Equal([("all", 2), ("", 0)], routing.Select(r => (r!["ruleId"]!.GetValue<string>(), r["leads"]!.GetValue<int>())));

        var period = $"from={Monday(0).UtcDateTime:O}&to={Monday(24).UtcDateTime:O}";
        await ApiSession.ProblemAsync(await p.Team.Marketing.Http.GetAsync($"/api/routing/fairness?{period}"), HttpStatusCode.Forbidden);
        await ApiSession.ProblemAsync(await p.Sofia.Http.GetAsync($"/api/routing/fairness?from={Monday(24).UtcDateTime:O}&to={Monday(0).UtcDateTime:O}"), HttpStatusCode.BadRequest);
        var ledger = await p.Sofia.GetJsonAsync($"/api/routing/fairness?{period}");
        var inbound = Assert.Single(ledger["teams"]!.AsArray())!;
        Assert.Equal((3, 2), (inbound["received"]!.GetValue<int>(), inbound["net"]!.GetValue<int>()));

        // Sofia got two and sent one back: she has served one, against two thirds of the two the team served.
        var sofia = inbound["members"]!.AsArray().Single(m => m!["userId"]!.GetValue<string>() == p.SofiaId.ToString())!;
        Assert.Equal((2, 1, 1, 1, 1.33, -0.33), (sofia["received"]!.GetValue<int>(), sofia["rejected"]!.GetValue<int>(), sofia["credits"]!.GetValue<int>(), sofia["net"]!.GetValue<int>(), sofia["expected"]!.GetValue<double>(), sofia["balance"]!.GetValue<double>()));
        var bruno = inbound["members"]!.AsArray().Single(m => m!["userId"]!.GetValue<string>() == p.BrunoId.ToString())!;
        Assert.Equal((1, 0, 0.67, 0.33), (bruno["received"]!.GetValue<int>(), bruno["credits"]!.GetValue<int>(), bruno["expected"]!.GetValue<double>(), bruno["balance"]!.GetValue<double>()));
    }

    [Fact]
    public async Task Teams_StayInTheirTenant_OnlyAdminsWriteThem_AndARoutedTeamCannotBeDeleted()
    {
        var p = await InboundAsync();
        var other = await ApiSession.SignUpAsync(factory);
        var otherAdminId = (await other.GetJsonAsync("/api/me"))["id"]!.GetValue<string>();
        var body = new { name = "Outbound", leadUserId = (Guid?)null, members = new[] { new { userId = p.BrunoId, weight = 1 } } };

        await ApiSession.ProblemAsync(await other.Http.GetAsync($"/api/teams/{p.TeamId}"), HttpStatusCode.NotFound);
        await ApiSession.ProblemAsync(await other.Http.PutAsJsonAsync($"/api/teams/{p.TeamId}", body), HttpStatusCode.NotFound);
        await ApiSession.ProblemAsync(await other.Http.DeleteAsync($"/api/teams/{p.TeamId}"), HttpStatusCode.NotFound);
        Assert.Empty((await other.GetJsonAsync("/api/teams")).AsArray());
        var foreignMember = await ApiSession.ProblemAsync(
            await p.Team.Admin.Http.PostAsJsonAsync("/api/teams", new { name = "Mixed", members = new[] { new { userId = Guid.Parse(otherAdminId), weight = 1 } } }),
            HttpStatusCode.BadRequest);
        Assert.NotNull(foreignMember["errors"]!["members[0].userId"]);
        await ApiSession.ProblemAsync(await p.Team.Marketing.Http.PostAsJsonAsync("/api/teams", body), HttpStatusCode.Forbidden);
        await ApiSession.ProblemAsync(await p.Team.Admin.Http.PostAsJsonAsync("/api/teams", body with { name = "Inbound" }), HttpStatusCode.Conflict);

        var routed = await ApiSession.ProblemAsync(await p.Team.Admin.Http.DeleteAsync($"/api/teams/{p.TeamId}"), HttpStatusCode.Conflict);
        Assert.Contains("routes leads to Inbound", routed["detail"]!.GetValue<string>());
        Assert.True((await p.Team.Sales.GetJsonAsync($"/api/teams/{p.TeamId}"))["routedTo"]!.GetValue<bool>());

        var created = await p.Team.Admin.Http.PostAsJsonAsync("/api/teams", body);
        await ApiSession.Expect(created, HttpStatusCode.Created);
        var outbound = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(("Bruno Sales", 1), (outbound["members"]![0]!["name"]!.GetValue<string>(), outbound["version"]!.GetValue<int>()));
        var renamed = await p.Team.Admin.Http.PutAsJsonAsync($"/api/teams/{outbound["id"]}", body with { name = "Outbound EMEA" });
        await ApiSession.Expect(renamed, HttpStatusCode.OK);
        Assert.Equal(2, (await renamed.Content.ReadFromJsonAsync<JsonObject>())!["version"]!.GetValue<int>());
        await ApiSession.Expect(await p.Team.Admin.Http.DeleteAsync($"/api/teams/{outbound["id"]}"), HttpStatusCode.NoContent);
        await ApiSession.ProblemAsync(await p.Team.Admin.Http.GetAsync($"/api/teams/{outbound["id"]}"), HttpStatusCode.NotFound);

        // A draft cannot route to a team of another tenant.
        var draft = await p.Team.Admin.CreateDraftAsync();
        var agreement = draft["agreement"]!.DeepClone().AsObject();
        agreement["routing"]!["rules"]![0]!["teamId"] = Guid.NewGuid().ToString();
        var unknown = await ApiSession.ProblemAsync(
            await p.Team.Admin.Http.PutAsJsonAsync($"/api/agreement/drafts/{draft["id"]}", new { agreement, revision = draft["revision"]!.GetValue<int>() }),
            HttpStatusCode.BadRequest);
        Assert.NotNull(unknown["errors"]!["routing.rules[0].teamId"]);
    }

    private static List<string> Kinds(JsonNode notifications) => notifications["items"]!.AsArray().Select(n => n!["kind"]!.GetValue<string>()).ToList();

    /// <summary>Runs the check as the scheduler's job does: in a scope of the tenant, as no user.</summary>
    private async Task<SlaCheckResult> CheckAsync(Team team)
    {
        await using var scope = factory.Services.GetRequiredService<ITenantScopes>().Open(team.Admin.TenantId);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CheckSlaClocksCommand());
    }
}

public sealed class SqliteRoutingTests(SqliteApiFactory factory) : RoutingTests<SqliteApiFactory>(factory);

public sealed class PostgresRoutingTests(PostgresApiFactory factory) : RoutingTests<PostgresApiFactory>(factory);
