using System.Net;
using System.Text.Json.Nodes;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Outbox;
using L2R.Api.Infrastructure.Tenancy;
using L2R.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace L2R.Api.Tests;

/// <summary>Sales's decisions fed back: drift alarms on the acceptance rate, and the reasons a lead was given with the clause each disputes.</summary>
public abstract class DriftAndFeedbackTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : L2RApiFactory
{
    [Fact]
    public async Task AcceptanceBelowTheFloor_RaisesOneAlertPerEpisode_ThatEndsWhenAcceptanceRecovers()
    {
        var team = await Team.CreateAsync(factory);
        var version = await team.ActivateAsync(agreement =>
        {
            KnownFunnel.QualifyOnFitAlone(agreement);
            agreement["drift"] = new JsonObject { ["mqlAcceptanceFloor"] = 0.5, ["windowDays"] = 30, ["minimumSample"] = 4 };
        });
        var leads = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            leads.Add(Guid.Parse((await team.Marketing.CreateLeadAsync(ApiSession.GoodFitLead()))["lead"]!["id"]!.GetValue<string>()));
        }

        await Decide(team, leads[0], accept: true);
        await Decide(team, leads[1], accept: false);
        await Decide(team, leads[2], accept: false);
        Assert.Empty((await team.Sales.GetJsonAsync("/api/metrics/alerts")).AsArray());

        await Decide(team, leads[3], accept: false);
        var alert = Assert.Single((await team.Marketing.GetJsonAsync("/api/metrics/alerts")).AsArray())!;
        Assert.Equal(("MqlAcceptanceRate", version, 1, 0.5, 0.25), (alert["measure"]!.GetValue<string>(), alert["agreementVersion"]!.GetValue<int>(), alert["episode"]!.GetValue<int>(), alert["threshold"]!.GetValue<double>(), alert["valueAtStart"]!.GetValue<double>()));

        await Decide(team, leads[4], accept: false);
        var still = Assert.Single((await team.Admin.GetJsonAsync("/api/metrics/alerts")).AsArray())!;
        Assert.Equal(alert["id"]!.GetValue<string>(), still["id"]!.GetValue<string>());
        Assert.Equal((0.2, 1, 4, true), (still["current"]!["value"]!.GetValue<double>(), still["current"]!["accepted"]!.GetValue<int>(), still["current"]!["rejected"]!.GetValue<int>(), still["current"]!["crossed"]!.GetValue<bool>()));
        Assert.Equal(1, await AlertsRecordedAsync(team.Admin.TenantId));

        for (var i = 5; i < 9; i++)
        {
            await Decide(team, leads[i], accept: true);
        }

        Assert.Empty((await team.Sales.GetJsonAsync("/api/metrics/alerts")).AsArray());
        await Decide(team, leads[9], accept: false);
        Assert.Empty((await team.Sales.GetJsonAsync("/api/metrics/alerts")).AsArray());
        Assert.Equal(1, await AlertsRecordedAsync(team.Admin.TenantId));

        await factory.Services.GetRequiredService<OutboxRelay>().RunOnceAsync(CancellationToken.None);
        var drift = Assert.Single((await team.Admin.GetJsonAsync("/api/events?types=metrics.drift_detected"))["items"]!.AsArray())!;
        Assert.Equal((alert["id"]!.GetValue<string>(), 0.25), (drift["data"]!["alertId"]!.GetValue<string>(), drift["data"]!["value"]!.GetValue<double>()));
    }

    [Fact]
    public async Task Simulation_ReadsTheDraftsAlarmsAgainstTodaysDecisions()
    {
        var team = await Team.CreateAsync(factory);
        await team.ActivateAsync(KnownFunnel.QualifyOnFitAlone);
        for (var i = 0; i < 3; i++)
        {
            var id = Guid.Parse((await team.Marketing.CreateLeadAsync(ApiSession.GoodFitLead()))["lead"]!["id"]!.GetValue<string>());
            await Decide(team, id, accept: i == 0);
        }

        var draft = await team.Admin.UpdateDraftAsync(await team.Admin.CreateDraftAsync(), agreement =>
            agreement["drift"] = new JsonObject { ["mqlAcceptanceFloor"] = 0.6, ["rejectRateCeiling"] = 0.5, ["windowDays"] = 7, ["minimumSample"] = 3 });
        var simulation = await team.Admin.Http.PostAsync($"/api/agreement/drafts/{draft["id"]}/simulation", null);
        await ApiSession.Expect(simulation, HttpStatusCode.OK);

        var readings = (await simulation.Content.ReadFromJsonAsync<JsonObject>())!["drift"]!.AsArray();
        Assert.Equal(
            [("MqlAcceptanceRate", 1 / 3.0, true), ("RejectRate", 2 / 3.0, true)],
            readings.Select(r => (r!["measure"]!.GetValue<string>(), r["value"]!.GetValue<double>(), r["crossed"]!.GetValue<bool>())));
        var changes = (await team.Admin.GetJsonAsync($"/api/agreement/diff?from=2&to={draft["version"]}"))["changes"]!.AsArray().Select(c => c!["description"]!.GetValue<string>());
        Assert.Contains("MQL acceptance floor none → 60%", changes);
    }

    [Fact]
    public async Task ALead_ShowsTheFeedbackItReceived_WithTheClauseItDisputes_AndTheReasonsReportKeepsTheNote()
    {
        var team = await Team.CreateAsync(factory);
        var id = await team.Marketing.CreateMqlLeadAsync();
        var reject = new HttpRequestMessage(HttpMethod.Post, $"/api/leads/{id}/transitions")
        {
            Content = JsonContent.Create(new { trigger = "Reject", reasonCode = "not-decision-maker", note = "Intern, forwards to the CFO" }),
        };
        await ApiSession.Expect(await team.Sales.Http.SendAsync(reject), HttpStatusCode.OK);

        var feedback = Assert.Single((await team.Marketing.GetJsonAsync($"/api/leads/{id}/feedback")).AsArray())!;
        var notes = (await team.Marketing.GetJsonAsync("/api/metrics/reasons?mode=Period"))["notes"]!.AsArray();

        Assert.Equal(("Reject", "MQL", "not-decision-maker", "Not a decision maker", "Intern, forwards to the CFO", "Sales user"),
            (feedback["trigger"]!.GetValue<string>(), feedback["from"]!.GetValue<string>(), feedback["reasonCode"]!.GetValue<string>(), feedback["reasonLabel"]!.GetValue<string>(), feedback["note"]!.GetValue<string>(), feedback["byName"]!.GetValue<string>()));
        Assert.Equal(("title-vp", "FitRule", "Title contains \"VP\""), (feedback["disputes"]!["id"]!.GetValue<string>(), feedback["disputes"]!["kind"]!.GetValue<string>(), feedback["disputes"]!["description"]!.GetValue<string>()));
        var note = Assert.Single(notes)!;
        Assert.Equal((id.ToString(), "Intern, forwards to the CFO", "Not a decision maker"), (note["leadId"]!.GetValue<string>(), note["note"]!.GetValue<string>(), note["label"]!.GetValue<string>()));
    }

    private static async Task Decide(Team team, Guid lead, bool accept) =>
        await ApiSession.Expect(await team.Sales.FireAsync(lead, accept ? "Accept" : "Reject", accept ? null : "no-need"), HttpStatusCode.OK);

    private async Task<int> AlertsRecordedAsync(Guid tenantId)
    {
        await using var scope = factory.Services.GetRequiredService<ITenantScopes>().Open(tenantId);
        return await scope.ServiceProvider.GetRequiredService<L2RDbContext>().DriftAlerts.CountAsync();
    }
}

public sealed class SqliteDriftAndFeedbackTests(SqliteApiFactory factory) : DriftAndFeedbackTests<SqliteApiFactory>(factory);

public sealed class PostgresDriftAndFeedbackTests(PostgresApiFactory factory) : DriftAndFeedbackTests<PostgresApiFactory>(factory);
