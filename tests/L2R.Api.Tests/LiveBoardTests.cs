using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json.Nodes;
using L2R.Api.Features.Slas.CheckSlaClocks;
using L2R.Api.Infrastructure.Telemetry;
using L2R.Api.Infrastructure.Tenancy;
using L2R.Api.Tests.Infrastructure;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace L2R.Api.Tests;

/// <summary>
/// The live board: every open board of a tenant hears of each committed change to its leads, from every write path,
/// and nothing else: not a rolled-back write, not another tenant's change; and only a caller the API would let read
/// the board may connect, and stay connected.
/// </summary>
public abstract class LiveBoardTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : L2RApiFactory
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(700);

    /// <summary>Monday 7 January 2030, on the default calendar (Monday to Friday, 09:00–17:00 UTC).</summary>
    private static DateTimeOffset Monday(double hour) => new DateTimeOffset(2030, 1, 7, 0, 0, 0, TimeSpan.Zero).AddHours(hour);

    [Fact]
    public async Task AMoveOverHttp_ReachesAnotherUsersBoard_WithTheCardAndWhoMovedIt()
    {
        var team = await Team.CreateAsync(factory);
        var id = await team.Marketing.CreateMqlLeadAsync();
        await using var board = await BoardListener.ConnectAsync(factory, team.Marketing.AccessToken);

        await ApiSession.Expect(await team.Sales.FireAsync(id, "Accept"), HttpStatusCode.OK);

        // The push of the move that made it an MQL may still be on its way, carrying the card as it is now: ask for the accept's.
        var change = await board.LeadChangedAsync(id, "moved", "SalesAccepted", fromState: "MQL");
        Assert.Equal(("SalesAccepted", id), (change["card"]!["state"]!.GetValue<string>(), change["card"]!["id"]!.GetValue<Guid>()));
        Assert.Equal("Sales user", change["card"]!["ownerName"]!.GetValue<string>());
        Assert.Equal("Sales user", change["actorName"]!.GetValue<string>());
        Assert.InRange(change["at"]!.GetValue<DateTime>().ToUniversalTime(), DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task ACreation_AnEditAndAnAssignment_EachReachTheBoard_AsTheirKind()
    {
        var team = await Team.CreateAsync(factory);
        await using var board = await BoardListener.ConnectAsync(factory, team.Sales.AccessToken);

        var created = await team.Marketing.CreateLeadAsync(ApiSession.GoodFitLead());
        var id = Guid.Parse(created["lead"]!["id"]!.GetValue<string>());
        var creation = await board.LeadChangedAsync(id, "created");
        Assert.Null(creation["fromState"]);
        Assert.Equal(("Scored", "Marketing user"), (creation["card"]!["state"]!.GetValue<string>(), creation["actorName"]!.GetValue<string>()));

        await ApiSession.Expect(await team.Marketing.PatchLeadAsync(id, new { company = "Initech" }), HttpStatusCode.OK);
        var edit = await board.LeadChangedAsync(id, "edited");
        Assert.Equal(("Scored", "Initech", "Marketing user"), (edit["fromState"]!.GetValue<string>(), edit["card"]!["company"]!.GetValue<string>(), edit["actorName"]!.GetValue<string>()));

        var salesId = (await team.Sales.GetJsonAsync("/api/me"))["id"]!.GetValue<string>();
        await ApiSession.Expect(await team.Admin.PatchLeadAsync(id, new { ownerId = salesId }), HttpStatusCode.OK);
        var assignment = await board.LeadChangedAsync(id, "assigned");
        Assert.Equal((salesId, "Ada Admin"), (assignment["card"]!["ownerId"]!.GetValue<string>(), assignment["actorName"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AnAutoAdvance_IsPushedAsAMove_ByAutoAdvance()
    {
        var team = await Team.CreateAsync(factory);
        var id = Guid.Parse((await team.Marketing.CreateLeadAsync(ApiSession.GoodFitLead()))["lead"]!["id"]!.GetValue<string>());
        await team.Marketing.RecordActivityAsync(id, "Webinar");
        await using var board = await BoardListener.ConnectAsync(factory, team.Sales.AccessToken);

        await team.Marketing.RecordActivityAsync(id, "FormSubmission");

        var move = await board.LeadChangedAsync(id, "moved", "MQL");
        Assert.Equal(("Scored", "MQL", "Auto-advance"), (move["fromState"]!.GetValue<string>(), move["card"]!["state"]!.GetValue<string>(), move["actorName"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AnSlaWarning_RecordedByTheCheck_IsPushed_WithTheCardsClock()
    {
        var team = await (await Team.CreateAsync(factory)).ForTimeTravelAsync(factory);
        await using var board = await BoardListener.ConnectAsync(factory, team.Sales.AccessToken);
        Guid id;
        using (var travel = factory.Clock.TravelTo(Monday(9)))
        {
            id = await team.Marketing.CreateMqlLeadAsync();
            await board.LeadChangedAsync(id, "moved", "MQL");

            travel.Now = Monday(48 + 12);
            await using var scope = factory.Services.GetRequiredService<ITenantScopes>().Open(team.Admin.TenantId);
            var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CheckSlaClocksCommand());
            Assert.Equal(1, result.Warned);
        }

        var sla = await board.LeadChangedAsync(id, "sla");
        Assert.Equal("SLA check", sla["actorName"]!.GetValue<string>());
        Assert.True(sla["card"]!["sla"]!["warned"]!.GetValue<bool>());
    }

    [Fact]
    public async Task AnIntegratorsCall_IsPushed_NamingTheApiClient()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var client = await ApiClientSession.CreateAsync(factory, admin, "Webform", "leads:write", "leads:read");
        await using var board = await BoardListener.ConnectAsync(factory, admin.AccessToken);

        var response = await client.Http.PostAsJsonAsync("/api/leads", ApiSession.GoodFitLead());

        await ApiSession.Expect(response, HttpStatusCode.Created);
        var id = Guid.Parse((await response.Content.ReadFromJsonAsync<JsonObject>())!["lead"]!["id"]!.GetValue<string>());
        Assert.Equal("Webform", (await board.LeadChangedAsync(id, "created"))["actorName"]!.GetValue<string>());
    }

    [Fact]
    public async Task AMerge_RemovesTheAbsorbedCard_AndUpdatesTheSurvivor()
    {
        var team = await Team.CreateAsync(factory);
        var survivor = Guid.Parse((await team.Marketing.CreateLeadAsync(ApiSession.GoodFitLead()))["lead"]!["id"]!.GetValue<string>());
        var absorbed = Guid.Parse((await team.Marketing.CreateLeadAsync(ApiSession.GoodFitLead()))["lead"]!["id"]!.GetValue<string>());
        await using var board = await BoardListener.ConnectAsync(factory, team.Sales.AccessToken);

        var response = await team.Marketing.Http.PostAsJsonAsync($"/api/leads/{survivor}/merge", new { absorbedLeadId = absorbed, fields = new { title = "Absorbed" } });

        await ApiSession.Expect(response, HttpStatusCode.OK);
        var gone = await board.LeadChangedAsync(absorbed, "merged");
        Assert.Null(gone["card"]);
        Assert.Equal("Marketing user", gone["actorName"]!.GetValue<string>());
        var kept = await board.NextAsync("leadChanged", m => m["leadId"]!.GetValue<Guid>() == survivor);
        Assert.Equal(survivor, kept["card"]!["id"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task AnImport_ReloadsTheBoardOnce_InsteadOfACardAtATime()
    {
        var team = await Team.CreateAsync(factory);
        await using var board = await BoardListener.ConnectAsync(factory, team.Sales.AccessToken);
        var csv = "First Name,Last Name,Email,Company\r\n" + string.Concat(Enumerable.Range(0, 60).Select(i => $"Imp,Orted{i},imported.{i}.{Guid.NewGuid():N}@globex.example,Globex\r\n"));

        var run = await Imports.RunAsync(team.Marketing, csv, new { dryRun = false });

        Assert.Equal("Completed", run["status"]!.GetValue<string>());
        var reload = await board.NextAsync("boardReload");
        Assert.Equal(("import", "Import"), (reload["reason"]!.GetValue<string>(), reload["actorName"]!.GetValue<string>()));
        Assert.Empty(reload["states"]!.AsArray());
        Assert.DoesNotContain(await board.DrainAsync(Quiet), m => m.Method == "leadChanged");
    }

    [Fact]
    public async Task ABulkEditOfMoreThanFiftyLeads_ReloadsTheirColumnsOnce()
    {
        var team = await Team.CreateAsync(factory);
        var leads = new List<Guid>();
        for (var i = 0; i < 51; i++)
        {
            leads.Add(Guid.Parse((await team.Marketing.CreateLeadAsync(ApiSession.GoodFitLead()))["lead"]!["id"]!.GetValue<string>()));
        }

        await using var board = await BoardListener.ConnectAsync(factory, team.Sales.AccessToken);
        await board.DrainAsync(Quiet);

        await ApiSession.Expect(await team.Marketing.Http.PostAsJsonAsync("/api/leads/bulk/campaign", new { leadIds = leads, campaign = "Autumn" }), HttpStatusCode.OK);

        var reload = await board.NextAsync("boardReload");
        Assert.Equal(("bulk", "Marketing user"), (reload["reason"]!.GetValue<string>(), reload["actorName"]!.GetValue<string>()));
        Assert.Equal(["Scored"], reload["states"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Empty(await board.DrainAsync(Quiet));
    }

    [Fact]
    public async Task AnActivation_ReloadsTheColumnsItTouched()
    {
        var team = await Team.CreateAsync(factory);
        var id = Guid.Parse((await team.Marketing.CreateLeadAsync(ApiSession.GoodFitLead()))["lead"]!["id"]!.GetValue<string>());
        await team.Marketing.RecordActivityAsync(id, "Webinar");
        await using var board = await BoardListener.ConnectAsync(factory, team.Sales.AccessToken);

        await team.ActivateAsync(a => Team.Threshold(a, "Qualify", "mql-engagement", 10));

        var reload = await board.NextAsync("boardReload", m => m["reason"]!.GetValue<string>() == "activation");
        Assert.Equal("Activation", reload["actorName"]!.GetValue<string>());
        Assert.Contains("MQL", reload["states"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal("MQL", (await team.Sales.GetJsonAsync($"/api/leads/{id}"))["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task ARefusedMove_PushesNothing()
    {
        var team = await Team.CreateAsync(factory);
        await using var board = await BoardListener.ConnectAsync(factory, team.Sales.AccessToken);
        var id = Guid.Parse((await team.Marketing.CreateLeadAsync(ApiSession.GoodFitLead()))["lead"]!["id"]!.GetValue<string>());
        await board.LeadChangedAsync(id, "created");

        await ApiSession.ProblemAsync(await team.Marketing.FireAsync(id, "Qualify"), HttpStatusCode.UnprocessableEntity);

        Assert.Empty(await board.DrainAsync(Quiet));
    }

    [Fact]
    public async Task AnotherTenantsBoard_HearsNothing()
    {
        var mine = await Team.CreateAsync(factory);
        var theirs = await ApiSession.SignUpAsync(factory);
        var id = await mine.Marketing.CreateMqlLeadAsync();
        await using var mineBoard = await BoardListener.ConnectAsync(factory, mine.Marketing.AccessToken);
        await using var theirBoard = await BoardListener.ConnectAsync(factory, theirs.AccessToken);

        await ApiSession.Expect(await mine.Sales.FireAsync(id, "Accept"), HttpStatusCode.OK);

        await mineBoard.LeadChangedAsync(id, "moved", "SalesAccepted", fromState: "MQL");
        Assert.Empty(await theirBoard.DrainAsync(Quiet));
    }

    [Fact]
    public async Task TheTokenMayComeAsTheAccessTokenQueryParameter_OnTheHubOnly()
    {
        var team = await Team.CreateAsync(factory);
        var id = await team.Marketing.CreateMqlLeadAsync();
        await using var board = await BoardListener.ConnectWithQueryTokenAsync(factory, team.Marketing.AccessToken);

        await ApiSession.Expect(await team.Sales.FireAsync(id, "Accept"), HttpStatusCode.OK);

        await board.LeadChangedAsync(id, "moved", "SalesAccepted", fromState: "MQL");
        var api = factory.CreateClient();
        await ApiSession.ProblemAsync(await api.GetAsync($"/api/board?access_token={Uri.EscapeDataString(team.Marketing.AccessToken)}"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AClientWithoutLeadsRead_AForgedToken_OrNoToken_CannotConnect()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var writer = await ApiClientSession.CreateAsync(factory, admin, "Writer", "leads:write");
        var reader = await ApiClientSession.CreateAsync(factory, admin, "Reader", "leads:read");
        var forged = TestTokens.Create(TestTokens.For(admin, Guid.Parse((await admin.GetJsonAsync("/api/me"))["id"]!.GetValue<string>())) with { Key = TestTokens.OtherKey });

        await using (await BoardListener.ConnectAsync(factory, await reader.TokenAsync(factory)))
        {
        }

        Assert.Equal(HttpStatusCode.Forbidden, await RefusedAsync(await writer.TokenAsync(factory)));
        Assert.Equal(HttpStatusCode.Unauthorized, await RefusedAsync(forged));
        Assert.Equal(HttpStatusCode.Unauthorized, await RefusedAsync(null));
    }

    [Fact]
    public async Task ADeactivatedUsersConnection_IsClosed_AndCannotReconnect()
    {
        var team = await Team.CreateAsync(factory);
        var salesId = (await team.Sales.GetJsonAsync("/api/me"))["id"]!.GetValue<string>();
        var board = await BoardListener.ConnectAsync(factory, team.Sales.AccessToken);
        await using var stays = await BoardListener.ConnectAsync(factory, team.Marketing.AccessToken);

        await ApiSession.Expect(await team.Admin.Http.PostAsync($"/api/users/{salesId}/deactivate", null), HttpStatusCode.OK);

        await board.ClosedByServer.Task.WaitAsync(TimeSpan.FromSeconds(5));
        await board.DisposeAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, await RefusedAsync(team.Sales.AccessToken));
        Assert.Equal(Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected, stays.Connection.State);
    }

    [Fact]
    public async Task OpenBoards_AreCountedOnTheConnectionsMeter()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var host = factory.Services.GetRequiredService<IMeterFactory>();
        long open = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == L2RMetrics.MeterName && instrument.Name == "l2r.signalr.connections" && ReferenceEquals(instrument.Meter.Scope, host))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref open, value));
        listener.Start();

        await using (await BoardListener.ConnectAsync(factory, admin.AccessToken))
        {
            await UntilAsync(() => Interlocked.Read(ref open) == 1);
        }

        await UntilAsync(() => Interlocked.Read(ref open) == 0);
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(5);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "The condition did not hold within 5 s.");
            await Task.Delay(20);
        }
    }

    /// <summary>The status the hub's negotiation answers a caller it refuses.</summary>
    private async Task<HttpStatusCode> RefusedAsync(string? token)
    {
        var http = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hubs/board/negotiate?negotiateVersion=1");
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        var response = await http.SendAsync(request);
        Assert.False(response.IsSuccessStatusCode);
        return response.StatusCode;
    }
}

public sealed class SqliteLiveBoardTests(SqliteApiFactory factory) : LiveBoardTests<SqliteApiFactory>(factory);

public sealed class PostgresLiveBoardTests(PostgresApiFactory factory) : LiveBoardTests<PostgresApiFactory>(factory);
