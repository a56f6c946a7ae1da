using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using L2R.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace L2R.Api.Tests;

/// <summary>
/// Three API processes behind nginx on one PostgreSQL and one Redis (<see cref="ScaleOutCluster"/>): a board on one
/// instance sees a move made on another; background work runs once across the three; and an instance killed in the
/// middle of a stream of moves loses none of them. Alone, after the other classes (its collection is not run in
/// parallel), so its five processes neither slow the rest nor are timed against them.
/// </summary>
[Collection(ScaleOutCollection.Name)]
public sealed class ScaleOutTests(ScaleOutCluster cluster, ITestOutputHelper output) : IClassFixture<ScaleOutCluster>
{
    private const int A = 0;
    private const int C = 2;

    [Fact]
    public async Task ABoardOnInstanceA_SeesMovesMadeOnInstanceC_AndThroughTheBalancer_WithinASecond()
    {
        var admin = await cluster.SignUpAsync();
        var marketing = await cluster.AddUserAsync(admin, "Marketing");
        var sales = await cluster.AddUserAsync(admin, "Sales");
        var onC = ScaleOutCluster.At(sales, cluster.Instance(C));
        var direct = await marketing.CreateMqlLeadAsync();
        var balanced = await marketing.CreateMqlLeadAsync();
        await using var board = await BoardListener.ConnectAsync(cluster.Instance(A).ToString(), marketing.AccessToken);

        await ApiSession.Expect(await onC.FireAsync(direct, "Accept"), HttpStatusCode.OK);
        var change = await board.LeadChangedAsync(direct, "moved", "SalesAccepted", TimeSpan.FromSeconds(1), fromState: "MQL");
        var directLatency = DateTime.UtcNow - change["at"]!.GetValue<DateTime>().ToUniversalTime();

        await ApiSession.Expect(await sales.FireAsync(balanced, "Accept"), HttpStatusCode.OK);
        await board.LeadChangedAsync(balanced, "moved", "SalesAccepted", TimeSpan.FromSeconds(1), fromState: "MQL");

        ProofFigures.Report(output, $"scale-out: a move committed on instance C reached a board on instance A {directLatency.TotalMilliseconds:0} ms later.");
        Assert.Equal(("SalesAccepted", "Sales user"), (change["card"]!["state"]!.GetValue<string>(), change["actorName"]!.GetValue<string>()));
        Assert.True(directLatency < TimeSpan.FromSeconds(1), $"The move took {directLatency.TotalMilliseconds:0} ms from its commit to the board.");
    }

    [Fact]
    public async Task AUserDeactivatedOnInstanceC_LosesAccessOnInstanceA_AtOnce_AndTheirBoardThereIsClosed()
    {
        var admin = await cluster.SignUpAsync();
        var sales = await cluster.AddUserAsync(admin, "Sales");
        var salesId = (await sales.GetJsonAsync("/api/me"))["id"]!.GetValue<string>();
        var salesOnA = ScaleOutCluster.At(sales, cluster.Instance(A));

        // Instance A now holds the user as active in its cache, which alone would let them in for 30 s more.
        await salesOnA.GetJsonAsync("/api/board");
        await using var board = await BoardListener.ConnectAsync(cluster.Instance(A).ToString(), sales.AccessToken);
        await ApiSession.Expect(await ScaleOutCluster.At(admin, cluster.Instance(C)).Http.PostAsync($"/api/users/{salesId}/deactivate", null), HttpStatusCode.OK);

        await board.ClosedByServer.Task.WaitAsync(TimeSpan.FromSeconds(2));
        var until = DateTime.UtcNow.AddSeconds(2);
        HttpStatusCode status;
        while ((status = (await salesOnA.Http.GetAsync("/api/board")).StatusCode) == HttpStatusCode.OK && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task AnActivation_RunsOnce_AcrossTheInstances()
    {
        var admin = await cluster.SignUpAsync();
        var team = new Team(admin, await cluster.AddUserAsync(admin, "Marketing"), await cluster.AddUserAsync(admin, "Sales"));
        var leads = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            var lead = Guid.Parse((await team.Marketing.CreateLeadAsync(ApiSession.GoodFitLead()))["lead"]!["id"]!.GetValue<string>());
            await team.Marketing.RecordActivityAsync(lead, "Webinar");
            leads.Add(lead);
        }

        var version = await team.ActivateAsync(a => Team.Threshold(a, "Qualify", "mql-engagement", 10));

        Assert.Equal(2, version);
        foreach (var lead in leads)
        {
            Assert.Equal(1L, await cluster.ScalarAsync<long>(
                """SELECT count(*) FROM "LeadTransitions" WHERE "LeadId" = @lead AND "Trigger" = 'Qualify' AND "AgreementVersion" = 2""", ("lead", lead)));
            Assert.Equal(1L, await cluster.ScalarAsync<long>(
                """SELECT count(*) FROM "OutboxEvents" WHERE "LeadId" = @lead AND "Type" = 'lead.stage_changed' AND "Data" LIKE '%"trigger":"Qualify"%'""", ("lead", lead)));
        }
    }

    [Fact]
    public async Task AnSlaBreach_IsRecordedOnce_AndItsWebhookDeliveredOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = await cluster.SignUpAsync();
        await ApiSession.Expect(await admin.Http.PostAsJsonAsync("/api/webhooks", new { url = receiver.Url, eventTypes = new[] { "sla.breached" } }), HttpStatusCode.Created);
        var id = await admin.CreateMqlLeadAsync();

        // Every instance checks SLAs each second on the real clock: the clock is made due by moving its instants back.
        var due = DateTime.UtcNow.AddMinutes(-1);
        await cluster.ExecuteAsync("""UPDATE "SlaClocks" SET "WarnAt" = @warn, "DueAt" = @due WHERE "LeadId" = @lead""", ("warn", due.AddHours(-1)), ("due", due), ("lead", id));
        var until = DateTime.UtcNow.AddSeconds(30);
        while (receiver.Requests.IsEmpty && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
        }

        // Several more checks and relays on each instance, which must find nothing left to do.
        await Task.Delay(TimeSpan.FromSeconds(4));
        var delivered = Assert.Single(receiver.Requests);
        Assert.Equal(("sla.breached", id.ToString()), (delivered.Json["type"]!.GetValue<string>(), delivered.Json["leadId"]!.GetValue<string>()));
        Assert.Equal(1L, await cluster.ScalarAsync<long>("""SELECT count(*) FROM "OutboxEvents" WHERE "LeadId" = @lead AND "Type" = 'sla.breached'""", ("lead", id)));
        var notifications = (await admin.GetJsonAsync("/api/notifications"))["items"]!.AsArray();
        Assert.Single(notifications, n => n!["kind"]!.GetValue<string>() == "SlaBreach");
    }

    [Fact]
    public async Task KillingAnInstance_InTheMiddleOfAStreamOfMoves_LosesNothing()
    {
        const int Moves = 120;
        var admin = await cluster.SignUpAsync();
        var marketing = await cluster.AddUserAsync(admin, "Marketing");
        var sales = await cluster.AddUserAsync(admin, "Sales");
        var leads = new List<Guid>();
        for (var i = 0; i < Moves; i++)
        {
            leads.Add(await marketing.CreateMqlLeadAsync());
        }

        var outcomes = new ConcurrentDictionary<Guid, Outcome>();
        var queue = new ConcurrentQueue<Guid>(leads);
        var done = 0;
        var killed = false;
        try
        {
            await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
            {
                while (queue.TryDequeue(out var lead))
                {
                    outcomes[lead] = await MoveAsync(sales, lead);
                    if (Interlocked.Increment(ref done) == Moves / 3)
                    {
                        cluster.Kill(C);
                        killed = true;
                    }
                }
            }));

            Assert.True(killed);
            ProofFigures.Report(output, $"scale-out: {Moves} moves, instance C killed after {Moves / 3}: {outcomes.Values.Count(o => o == Outcome.Moved)} moved, "
                + $"{outcomes.Values.Count(o => o == Outcome.Refused)} refused, {outcomes.Values.Count(o => o == Outcome.CutOff)} cut off with the instance.");
            var answered = outcomes.Values.Count(o => o == Outcome.Moved);
            Assert.True(answered >= Moves * 2 / 3, $"Only {answered} of {Moves} moves succeeded.");
            foreach (var (lead, outcome) in outcomes)
            {
                var history = await cluster.ScalarAsync<long>("""SELECT count(*) FROM "LeadTransitions" WHERE "LeadId" = @lead AND "Trigger" = 'Accept'""", ("lead", lead));
                var events = await cluster.ScalarAsync<long>(
                    """SELECT count(*) FROM "OutboxEvents" WHERE "LeadId" = @lead AND "Type" = 'lead.stage_changed' AND "Data" LIKE '%"trigger":"Accept"%'""", ("lead", lead));
                Assert.Equal(history, events);
                switch (outcome)
                {
                    case Outcome.Moved:
                        Assert.Equal(1L, history);
                        break;
                    case Outcome.Refused:
                        Assert.Equal(0L, history);
                        break;
                    default:
                        // Cut off with the instance: it committed or it did not, but never twice.
                        Assert.InRange(history, 0L, 1L);
                        break;
                }
            }
        }
        finally
        {
            if (killed)
            {
                await cluster.StartInstanceAsync(C);
            }
        }
    }

    private static async Task<Outcome> MoveAsync(ApiSession sales, Guid lead)
    {
        try
        {
            var response = await sales.FireAsync(lead, "Accept");
            return response.IsSuccessStatusCode ? Outcome.Moved
                : (int)response.StatusCode is >= 400 and < 500 ? Outcome.Refused
                : Outcome.CutOff;
        }
        catch (HttpRequestException)
        {
            return Outcome.CutOff;
        }
    }

    private enum Outcome
    {
        Moved,
        Refused,
        CutOff,
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ScaleOutCollection
{
    public const string Name = "Scale-out";
}
