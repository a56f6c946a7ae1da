using System.Net;
using System.Text.Json.Nodes;
using L2R.Api.Infrastructure.Outbox;
using L2R.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace L2R.Api.Tests;

/// <summary>Agreeing on the definitions: drafts, dual sign-off, simulation, activation and audit, over HTTP.</summary>
public abstract class AgreementDraftTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : L2RApiFactory
{
    [Fact]
    public async Task UpdateDraft_WithInvalidCriterion_IsRefusedWithFieldErrors_AndNothingChanges()
    {
        var team = await Team.CreateAsync(factory);
        var draft = await team.Admin.CreateDraftAsync();
        var agreement = draft["agreement"]!.DeepClone().AsObject();
        var qualify = Team.Transition(agreement, "Qualify");
        qualify["criteria"]!.AsArray().Add(new JsonObject { ["kind"] = "numberAtLeast", ["id"] = "bad", ["description"] = "Shoe size", ["field"] = "shoeSize", ["value"] = -3 });

        var response = await team.Admin.Http.PutAsJsonAsync($"/api/agreement/drafts/{draft["id"]}", new { agreement, revision = draft["revision"]!.GetValue<int>() });

        var problem = await ApiSession.ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.Contains(errors, e => e.Key.StartsWith("agreement.transitions[", StringComparison.Ordinal) && e.Key.EndsWith(".field", StringComparison.Ordinal));
        var unchanged = await team.Admin.GetJsonAsync($"/api/agreement/drafts/{draft["id"]}");
        Assert.Equal(draft["revision"]!.GetValue<int>(), unchanged["revision"]!.GetValue<int>());
    }

    [Fact]
    public async Task Activate_WithoutBothApprovals_Is409_AndApproverMustHoldTheRole()
    {
        var team = await Team.CreateAsync(factory);
        var draft = await team.Admin.CreateDraftAsync();
        var id = draft["id"]!.GetValue<string>();

        await ApiSession.ProblemAsync(await team.Sales.Http.PostAsJsonAsync($"/api/agreement/drafts/{id}/approvals", new { role = "Marketing" }), HttpStatusCode.Forbidden);
        await ApiSession.Expect(await team.Marketing.Http.PostAsJsonAsync($"/api/agreement/drafts/{id}/approvals", new { role = "Marketing" }), HttpStatusCode.OK);

        var refused = await ApiSession.ProblemAsync(await team.Admin.Http.PostAsync($"/api/agreement/drafts/{id}/activate", null), HttpStatusCode.Conflict);
        Assert.Equal("Sales", Assert.Single(refused["missingApprovals"]!.AsArray())!.GetValue<string>());
        Assert.Equal(1, (await team.Admin.GetJsonAsync("/api/agreement"))["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task OnePersonHoldingBothRoles_CannotSignOffAlone()
    {
        var team = await Team.CreateAsync(factory);
        var both = await team.Admin.AddUserAsync(factory, "Marketing", "Sales");
        var id = (await team.Admin.CreateDraftAsync())["id"]!.GetValue<string>();

        await ApiSession.Expect(await both.Http.PostAsJsonAsync($"/api/agreement/drafts/{id}/approvals", new { role = "Marketing" }), HttpStatusCode.OK);
        var afterBoth = await both.Http.PostAsJsonAsync($"/api/agreement/drafts/{id}/approvals", new { role = "Sales" });
        await ApiSession.Expect(afterBoth, HttpStatusCode.OK);
        Assert.False((await afterBoth.Content.ReadFromJsonAsync<JsonObject>())!["canActivate"]!.GetValue<bool>());

        await ApiSession.ProblemAsync(await team.Admin.Http.PostAsync($"/api/agreement/drafts/{id}/activate", null), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Approve_WithAnEmptyBody_IsForTheOneApprovingRoleTheUserHolds_AndSomeoneHoldingBothMustNameIt()
    {
        var team = await Team.CreateAsync(factory);
        var both = await team.Admin.AddUserAsync(factory, "Marketing", "Sales");
        var id = (await team.Admin.CreateDraftAsync())["id"]!.GetValue<string>();
        var approvals = $"/api/agreement/drafts/{id}/approvals";

        var unclear = await ApiSession.ProblemAsync(await both.Http.PostAsync(approvals, null), HttpStatusCode.BadRequest);
        Assert.NotNull(unclear["errors"]!["role"]);
        await ApiSession.ProblemAsync(await team.Admin.Http.PostAsync(approvals, null), HttpStatusCode.Forbidden);
        await ApiSession.Expect(await team.Marketing.Http.PostAsync(approvals, null), HttpStatusCode.OK);
        var signedOff = await team.Sales.Http.PostAsJsonAsync(approvals, new { });

        await ApiSession.Expect(signedOff, HttpStatusCode.OK);
        var draft = (await signedOff.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(["Marketing", "Sales"], draft["approvals"]!.AsArray().Select(a => a!["role"]!.GetValue<string>()).Order());
        Assert.True(draft["canActivate"]!.GetValue<bool>());
    }

    [Fact]
    public async Task EditAfterApproval_ClearsTheApprovals_AndTheAuditSaysSo()
    {
        var team = await Team.CreateAsync(factory);
        var draft = await team.Admin.CreateDraftAsync();
        var id = draft["id"]!.GetValue<string>();
        await team.ApproveAsync(id);
        Assert.True((await team.Admin.GetJsonAsync($"/api/agreement/drafts/{id}"))["canActivate"]!.GetValue<bool>());

        var edited = await team.Admin.UpdateDraftAsync(draft, a => Team.Threshold(a, "Qualify", "mql-engagement", 10));

        Assert.Empty(edited["approvals"]!.AsArray());
        Assert.False(edited["canActivate"]!.GetValue<bool>());
        var audit = (await team.Admin.GetJsonAsync("/api/agreement/audit")).AsArray().Select(a => a!["action"]!.GetValue<string>()).ToList();
        Assert.Equal(["ApprovalsCleared", "Edited"], audit.Take(2).Order());
        Assert.Equal(["Approved", "Approved", "Drafted"], audit.Skip(2));
    }

    [Fact]
    public async Task WithdrawnApproval_IsGone_AStaleApprovalIs412_AndADiscardedDraftTakesItsApprovalsWithIt()
    {
        var team = await Team.CreateAsync(factory);
        var draft = await team.Admin.CreateDraftAsync();
        var id = draft["id"]!.GetValue<string>();
        await team.ApproveAsync(id);

        var withdrawn = await team.Marketing.Http.DeleteAsync($"/api/agreement/drafts/{id}/approvals/mine");
        await ApiSession.Expect(withdrawn, HttpStatusCode.OK);
        var reloaded = await team.Admin.GetJsonAsync($"/api/agreement/drafts/{id}");
        Assert.Equal("Sales", Assert.Single(reloaded["approvals"]!.AsArray())!["role"]!.GetValue<string>());
        Assert.Equal("Marketing", Assert.Single(reloaded["missingApprovals"]!.AsArray())!.GetValue<string>());
        Assert.Equal("Withdrew", (await team.Admin.GetJsonAsync("/api/agreement/audit"))[0]!["action"]!.GetValue<string>());

        await team.Admin.UpdateDraftAsync(draft, a => Team.Threshold(a, "Qualify", "mql-engagement", 10));
        var stale = await team.Marketing.Http.PostAsJsonAsync($"/api/agreement/drafts/{id}/approvals", new { role = "Marketing", revision = draft["revision"]!.GetValue<int>() });
        await ApiSession.ProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        await ApiSession.Expect(await team.Marketing.Http.PostAsJsonAsync($"/api/agreement/drafts/{id}/approvals", new { role = "Marketing" }), HttpStatusCode.OK);

        await ApiSession.Expect(await team.Admin.Http.DeleteAsync($"/api/agreement/drafts/{id}"), HttpStatusCode.NoContent);
        await ApiSession.ProblemAsync(await team.Admin.Http.GetAsync($"/api/agreement/drafts/{id}"), HttpStatusCode.NotFound);
        Assert.Null((await team.Admin.GetJsonAsync("/api/agreement/drafts/open"))["draft"]);
        Assert.Equal("Discarded", (await team.Admin.GetJsonAsync("/api/agreement/audit"))[0]!["action"]!.GetValue<string>());
    }

    [Fact]
    public async Task Activation_MovesLeadsWhoseEngagementMeetsTheLoweredThreshold_WithTheNewVersion_AsTheSimulationSaid()
    {
        var team = await Team.CreateAsync(factory);
        var waiting = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var lead = LeadId(await team.Marketing.CreateLeadAsync(ApiSession.GoodFitLead()));
            await team.Marketing.RecordActivityAsync(lead, "Webinar");
            waiting.Add(lead);
        }

        var unengaged = LeadId(await team.Marketing.CreateLeadAsync(ApiSession.GoodFitLead()));
        var draft = await team.Admin.CreateDraftAsync();
        draft = await team.Admin.UpdateDraftAsync(draft, a => Team.Threshold(a, "Qualify", "mql-engagement", 10));
        var id = draft["id"]!.GetValue<string>();

        var diff = await team.Admin.GetJsonAsync("/api/agreement/diff?from=1&to=2");
        Assert.Contains(diff["changes"]!.AsArray(), c => c!["description"]!.GetValue<string>() == "Qualify: engagement score threshold 25 → 10");

        var simulationResponse = await team.Marketing.Http.PostAsync($"/api/agreement/drafts/{id}/simulation", null);
        await ApiSession.Expect(simulationResponse, HttpStatusCode.OK);
        var simulation = (await simulationResponse.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(3, simulation["leadsThatWillMove"]!.GetValue<int>());
        Assert.Equal(3, simulation["mqlAfter"]!.GetValue<int>() - simulation["mqlNow"]!.GetValue<int>());
        var qualify = simulation["transitions"]!.AsArray().Single(t => t!["trigger"]!.GetValue<string>() == "Qualify")!;
        Assert.Equal(3, qualify["newlyPass"]!.GetValue<int>());
        Assert.Equal("Webinar", qualify["bySource"]![0]!["key"]!.GetValue<string>());
        Assert.Equal("Scored", (await team.Admin.GetJsonAsync($"/api/leads/{waiting[0]}"))["state"]!.GetValue<string>());

        await team.ApproveAsync(id);
        var activate = await team.Admin.Http.PostAsync($"/api/agreement/drafts/{id}/activate", null);
        await ApiSession.Expect(activate, HttpStatusCode.Accepted);
        var activation = await team.WaitForActivationAsync((await activate.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>());

        Assert.Equal("Completed", activation["status"]!.GetValue<string>());
        Assert.Equal(simulation["leadsThatWillMove"]!.GetValue<int>(), activation["moved"]!.GetValue<int>());
        foreach (var lead in waiting)
        {
            var history = (await team.Admin.GetJsonAsync($"/api/leads/{lead}/history"))["transitions"]!.AsArray();
            var qualified = history[^1]!;
            Assert.Equal("Qualify", qualified["trigger"]!.GetValue<string>());
            Assert.Equal("System", qualified["actorKind"]!.GetValue<string>());
            Assert.Equal(2, qualified["agreementVersion"]!.GetValue<int>());
        }

        Assert.Equal("Scored", (await team.Admin.GetJsonAsync($"/api/leads/{unengaged}"))["state"]!.GetValue<string>());
        var active = await team.Admin.GetJsonAsync("/api/agreement/versions/2");
        Assert.Equal(draft["revision"]!.GetValue<int>(), active["revision"]!.GetValue<int>());
        Assert.Empty(active["missingApprovals"]!.AsArray());
        var versions = (await team.Admin.GetJsonAsync("/api/agreement/versions")).AsArray();
        Assert.Equal(["Active", "Superseded"], versions.Select(v => v!["status"]!.GetValue<string>()));
        var underVersion2 = await team.Admin.GetJsonAsync("/api/agreement/versions/2/transitions");
        Assert.Equal(3, underVersion2["total"]!.GetValue<int>());

        // Activation's moves and the activation itself are events like any other write's.
        await factory.Services.GetRequiredService<OutboxRelay>().RunOnceAsync(CancellationToken.None);
        var events = (await team.Admin.GetJsonAsync("/api/events?types=agreement.activated,lead.stage_changed&limit=500"))["items"]!.AsArray();
        Assert.Equal(2, events.Single(e => e!["type"]!.GetValue<string>() == "agreement.activated")!["data"]!["version"]!.GetValue<int>());
        var qualifiedUnder2 = events.Where(e => e!["type"]!.GetValue<string>() == "lead.stage_changed" && e["data"]!["agreementVersion"]!.GetValue<int>() == 2);
        Assert.Equal(waiting.Select(id => id.ToString()).Order(), qualifiedUnder2.Select(e => e!["leadId"]!.GetValue<string>()).Order());
        Assert.Contains((await team.Admin.GetJsonAsync("/api/agreement/audit")).AsArray(), a => a!["action"]!.GetValue<string>() == "Activated");
    }

    [Fact]
    public async Task OnlyOneOpenDraft_AndARollbackStartsFromAnOldVersion()
    {
        var team = await Team.CreateAsync(factory);
        var draft = await team.Admin.CreateDraftAsync();
        var second = await team.Admin.Http.PostAsJsonAsync("/api/agreement/drafts", new { fromVersion = (int?)null });
        var problem = await ApiSession.ProblemAsync(second, HttpStatusCode.Conflict);
        Assert.Equal(draft["id"]!.GetValue<string>(), problem["draftId"]!.GetValue<string>());

        await ApiSession.Expect(await team.Admin.Http.DeleteAsync($"/api/agreement/drafts/{draft["id"]}"), HttpStatusCode.NoContent);
        var rollback = await team.Admin.CreateDraftAsync(fromVersion: 1);
        Assert.Equal(1, rollback["basedOnVersion"]!.GetValue<int>());
        await ApiSession.ProblemAsync(await team.Marketing.Http.PostAsJsonAsync("/api/agreement/drafts", new { fromVersion = (int?)null }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AnotherTenantsDrafts_AreInvisible()
    {
        var mine = await Team.CreateAsync(factory);
        var theirs = await Team.CreateAsync(factory);
        var draft = await theirs.Admin.CreateDraftAsync();
        var id = draft["id"]!.GetValue<string>();

        await ApiSession.ProblemAsync(await mine.Admin.Http.GetAsync($"/api/agreement/drafts/{id}"), HttpStatusCode.NotFound);
        await ApiSession.ProblemAsync(await mine.Admin.Http.PutAsJsonAsync($"/api/agreement/drafts/{id}", new { agreement = draft["agreement"] }), HttpStatusCode.NotFound);
        await ApiSession.ProblemAsync(await mine.Marketing.Http.PostAsJsonAsync($"/api/agreement/drafts/{id}/approvals", new { role = "Marketing" }), HttpStatusCode.NotFound);
        await ApiSession.ProblemAsync(await mine.Marketing.Http.PostAsync($"/api/agreement/drafts/{id}/simulation", null), HttpStatusCode.NotFound);
        await ApiSession.ProblemAsync(await mine.Admin.Http.PostAsync($"/api/agreement/drafts/{id}/activate", null), HttpStatusCode.NotFound);
        await ApiSession.ProblemAsync(await mine.Admin.Http.GetAsync($"/api/agreement/drafts/{id}/diagram"), HttpStatusCode.NotFound);
        await ApiSession.ProblemAsync(await mine.Admin.Http.GetAsync("/api/agreement/versions/2"), HttpStatusCode.NotFound);
        Assert.Null((await mine.Admin.GetJsonAsync("/api/agreement/drafts/open"))["draft"]);
        Assert.Empty((await mine.Admin.GetJsonAsync("/api/agreement/audit")).AsArray());
    }

    private static Guid LeadId(JsonObject created) => Guid.Parse(created["lead"]!["id"]!.GetValue<string>());

}

public sealed class SqliteAgreementDraftTests(SqliteApiFactory factory) : AgreementDraftTests<SqliteApiFactory>(factory);

public sealed class PostgresAgreementDraftTests(PostgresApiFactory factory) : AgreementDraftTests<PostgresApiFactory>(factory);
