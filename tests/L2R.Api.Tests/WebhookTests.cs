using System.Net;
using System.Text.Json.Nodes;
using L2R.Api.Infrastructure.Outbox;
using L2R.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using StandardWebhooks;

namespace L2R.Api.Tests;

/// <summary>
/// Events from the transactional outbox to a real receiver on 127.0.0.1: Standard Webhooks signatures, per-lead order,
/// retries, 410, replay, and the feed; a refused write leaves no event; internal targets are refused when not allowed.
/// </summary>
public abstract class WebhookTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : L2RApiFactory
{
    [Fact]
    public async Task StageChanged_ReachesARealReceiver_SignedWithTheCriteria_AndEachLeadsEventsInSequence()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = await ApiSession.SignUpAsync(factory);
        var secret = await SubscribeAsync(admin, receiver.Url);

        var leadId = await admin.CreateMqlLeadAsync();
        await RelayAsync();

        var received = receiver.Requests.ToList();
        var webhook = new StandardWebhook(secret);
        Assert.All(received, r => webhook.Verify(r.Body, r.Headers));
        Assert.All(received, r => Assert.Equal(r.Json["id"]!.GetValue<string>(), r.Headers["webhook-id"].ToString()));
        var ofLead = received.Select(r => r.Json).Where(j => j["leadId"]?.GetValue<string>() == leadId.ToString()).ToList();
        Assert.Equal(Enumerable.Range(1, ofLead.Count), ofLead.Select(j => j["leadSequence"]!.GetValue<int>()));
        Assert.Equal(["lead.created", "lead.stage_changed", "lead.stage_changed"], ofLead.Select(j => j["type"]!.GetValue<string>()));
        Assert.Equal("Raw", ofLead[0]["data"]!["lead"]!["state"]!.GetValue<string>());
        var toMql = ofLead[^1]["data"]!;
        Assert.Equal(("Scored", "MQL", "Qualify", "System"), (toMql["from"]!.GetValue<string>(), toMql["to"]!.GetValue<string>(), toMql["trigger"]!.GetValue<string>(), toMql["actor"]!["kind"]!.GetValue<string>()));
        Assert.Equal(1, toMql["agreementVersion"]!.GetValue<int>());
        Assert.Contains(toMql["criteria"]!.AsArray(), c => c!["id"]!.GetValue<string>() == "mql-engagement" && c["passed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ASignatureMadeWithAnotherSecret_DoesNotVerify()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = await ApiSession.SignUpAsync(factory);
        await SubscribeAsync(admin, receiver.Url);

        await admin.CreateLeadAsync(ApiSession.GoodFitLead());
        await RelayAsync();

        var first = receiver.Requests.First();
        Assert.ThrowsAny<Exception>(() => new StandardWebhook("whsec_" + Convert.ToBase64String(new byte[32])).Verify(first.Body, first.Headers));
    }

    [Fact]
    public async Task AReceiverAnswering500Then200_GetsTheRetry_AndTheLogShowsBothAttempts()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = await ApiSession.SignUpAsync(factory);
        await SubscribeAsync(admin, receiver.Url, "lead.created");
        var webhookId = await OnlyWebhookIdAsync(admin);
        receiver.AnswerWith(500);
        using var travel = factory.Clock.TravelTo(DateTimeOffset.UtcNow);

        await admin.CreateLeadAsync(ApiSession.GoodFitLead());
        await RelayAsync();
        travel.Now += TimeSpan.FromSeconds(2);
        await RelayAsync();
        var afterOne = receiver.Requests.Count;
        travel.Now += TimeSpan.FromSeconds(5);
        await RelayAsync();

        Assert.Equal(1, afterOne);
        Assert.Equal(2, receiver.Requests.Count);
        Assert.Equal(receiver.Requests.First().Headers["webhook-id"].ToString(), receiver.Requests.Last().Headers["webhook-id"].ToString());
        var delivery = (await admin.GetJsonAsync($"/api/webhooks/{webhookId}/deliveries")).AsArray().Single()!;
        Assert.Equal(("Succeeded", 2), (delivery["status"]!.GetValue<string>(), delivery["attempts"]!.GetValue<int>()));
        Assert.Equal([500, 200], delivery["attemptLog"]!.AsArray().Select(a => a!["statusCode"]!.GetValue<int>()));
    }

    [Fact]
    public async Task AReceiverAnswering410_DisablesTheSubscription()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = await ApiSession.SignUpAsync(factory);
        await SubscribeAsync(admin, receiver.Url);
        var webhookId = await OnlyWebhookIdAsync(admin);
        receiver.AnswerWith(410);

        await admin.CreateLeadAsync(ApiSession.GoodFitLead());
        await RelayAsync();
        await admin.CreateLeadAsync(ApiSession.GoodFitLead());
        await RelayAsync();

        var webhook = await admin.GetJsonAsync($"/api/webhooks/{webhookId}");
        Assert.False(webhook["enabled"]!.GetValue<bool>());
        Assert.Contains("410", webhook["disabledReason"]!.GetValue<string>());
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task Replay_ResendsEverythingSinceATime_AndRedeliver_ResendsOne()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = await ApiSession.SignUpAsync(factory);
        await SubscribeAsync(admin, receiver.Url, "lead.created");
        var webhookId = await OnlyWebhookIdAsync(admin);
        var since = DateTime.UtcNow.AddMinutes(-1);
        await admin.CreateLeadAsync(ApiSession.GoodFitLead());
        await admin.CreateLeadAsync(ApiSession.GoodFitLead());
        await RelayAsync();

        var replay = await admin.Http.PostAsJsonAsync($"/api/webhooks/{webhookId}/replay", new { since });
        await ApiSession.Expect(replay, HttpStatusCode.Accepted);
        await RelayAsync();
        var deliveryId = (await admin.GetJsonAsync($"/api/webhooks/{webhookId}/deliveries")).AsArray()[0]!["id"]!.GetValue<string>();
        await ApiSession.Expect(await admin.Http.PostAsync($"/api/webhooks/deliveries/{deliveryId}/redeliver", null), HttpStatusCode.Accepted);
        await RelayAsync();

        Assert.Equal(2, (await replay.Content.ReadFromJsonAsync<JsonObject>())!["queued"]!.GetValue<int>());
        var ids = receiver.Requests.Select(r => r.Headers["webhook-id"].ToString()).ToList();
        Assert.Equal(5, ids.Count);
        Assert.Equal(2, ids.Distinct().Count());
    }

    [Fact]
    public async Task TestEvent_IsSentToThatSubscriptionOnly_AndNotInTheFeed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = await ApiSession.SignUpAsync(factory);
        await SubscribeAsync(admin, receiver.Url);
        var webhookId = await OnlyWebhookIdAsync(admin);

        await ApiSession.Expect(await admin.Http.PostAsync($"/api/webhooks/{webhookId}/test", null), HttpStatusCode.Accepted);
        await RelayAsync();

        Assert.Equal("webhook.test", receiver.Requests.Single().Json["type"]!.GetValue<string>());
        Assert.Empty((await admin.GetJsonAsync("/api/events"))["items"]!.AsArray());
    }

    [Fact]
    public async Task ATransactionThatFails_WritesNoEvent()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var lead = await admin.CreateLeadAsync(ApiSession.GoodFitLead("taken@example.com"));
        var leadId = Guid.Parse(lead["lead"]!["id"]!.GetValue<string>());
        await RelayAsync();
        var before = (await admin.GetJsonAsync("/api/events"))["items"]!.AsArray().Count;

        await ApiSession.ProblemAsync(await admin.Http.PostAsJsonAsync("/api/leads", ApiSession.GoodFitLead("TAKEN@example.com")), HttpStatusCode.Conflict);
        var marketing = await admin.AddUserAsync(factory, "Marketing");
        await ApiSession.ProblemAsync(await marketing.FireAsync(leadId, "Qualify"), HttpStatusCode.UnprocessableEntity);
        await RelayAsync();

        Assert.Equal(before, (await admin.GetJsonAsync("/api/events"))["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task TheFeed_PagesByCursor_InOrder_AndFiltersByType()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        for (var i = 0; i < 3; i++)
        {
            await admin.CreateLeadAsync(ApiSession.GoodFitLead());
        }

        await RelayAsync();

        var first = await admin.GetJsonAsync("/api/events?limit=4");
        var second = await admin.GetJsonAsync($"/api/events?after={first["next"]}&limit=4");
        var third = await admin.GetJsonAsync($"/api/events?after={second["next"]}&limit=4");
        var created = await admin.GetJsonAsync("/api/events?types=lead.created");

        var positions = first["items"]!.AsArray().Concat(second["items"]!.AsArray()).Select(e => e!["position"]!.GetValue<long>()).ToList();
        Assert.Equal(6, positions.Count);
        Assert.Equal(positions.Order(), positions);
        Assert.Equal(positions.Distinct(), positions);
        Assert.Empty(third["items"]!.AsArray());
        Assert.Equal(second["next"]!.GetValue<long>(), third["next"]!.GetValue<long>());
        Assert.Equal(3, created["items"]!.AsArray().Count);
        await ApiSession.ProblemAsync(await admin.Http.GetAsync("/api/events?types=lead.exploded"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task EventsOfTwoTenants_AreRelayedInOnePass_AndEachFeedShowsOnlyItsOwn()
    {
        var one = await ApiSession.SignUpAsync(factory);
        var two = await ApiSession.SignUpAsync(factory);
        await one.CreateLeadAsync(ApiSession.GoodFitLead());
        await two.CreateLeadAsync(new { email = "x@two.example" });

        await RelayAsync();

        var oneFeed = (await one.GetJsonAsync("/api/events"))["items"]!.AsArray();
        var twoFeed = (await two.GetJsonAsync("/api/events"))["items"]!.AsArray();
        Assert.Equal(2, oneFeed.Count);
        Assert.Single(twoFeed);
        Assert.DoesNotContain(twoFeed, e => oneFeed.Any(o => o!["id"]!.GetValue<string>() == e!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AnotherTenantsWebhook_Is404()
    {
        var owner = await ApiSession.SignUpAsync(factory);
        var intruder = await ApiSession.SignUpAsync(factory);
        await SubscribeAsync(owner, "https://hooks.example.com/l2r");
        var id = await OnlyWebhookIdAsync(owner);

        await ApiSession.ProblemAsync(await intruder.Http.GetAsync($"/api/webhooks/{id}"), HttpStatusCode.NotFound);
        await ApiSession.ProblemAsync(await intruder.Http.DeleteAsync($"/api/webhooks/{id}"), HttpStatusCode.NotFound);
        await ApiSession.ProblemAsync(await intruder.Http.PostAsync($"/api/webhooks/{id}/test", null), HttpStatusCode.NotFound);
        await ApiSession.ProblemAsync(await intruder.Http.GetAsync($"/api/webhooks/{id}/deliveries"), HttpStatusCode.NotFound);
        await ApiSession.ProblemAsync(await intruder.Http.PostAsJsonAsync($"/api/webhooks/{id}/replay", new { since = DateTime.UtcNow.AddDays(-1) }), HttpStatusCode.NotFound);
        var test = await owner.Http.PostAsync($"/api/webhooks/{id}/test", null);
        var deliveryId = (await test.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        await ApiSession.ProblemAsync(await intruder.Http.PostAsync($"/api/webhooks/deliveries/{deliveryId}/redeliver", null), HttpStatusCode.NotFound);
        Assert.Empty((await intruder.GetJsonAsync("/api/webhooks")).AsArray());
        await ApiSession.Expect(await owner.Http.GetAsync($"/api/webhooks/{id}"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task AClientWithWebhooksManage_ManagesWebhooks_AndOneWithout_Gets403()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var manager = await ApiClientSession.CreateAsync(factory, admin, "Ops", "webhooks:manage");
        var reader = await ApiClientSession.CreateAsync(factory, admin, "Reader", "leads:read");

        await ApiSession.Expect(await manager.Http.PostAsJsonAsync("/api/webhooks", new { url = "https://hooks.example.com/x" }), HttpStatusCode.Created);
        var problem = await ApiSession.ProblemAsync(await reader.Http.GetAsync("/api/webhooks"), HttpStatusCode.Forbidden);

        Assert.Equal("webhooks:manage", problem["requiredScope"]!.GetValue<string>());
    }

    [Fact]
    public async Task WithPrivateTargetsRefused_AnInternalAddressIsRefusedOnSave_AndANameResolvingToOneAtDelivery()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var production = factory.WithWebHostBuilder(builder => builder.UseSetting("Webhooks:AllowPrivateTargets", "false"));
        var admin = await ApiSession.SignUpAsync(production);

        var literal = await admin.Http.PostAsJsonAsync("/api/webhooks", new { url = receiver.Url });
        var problem = await ApiSession.ProblemAsync(literal, HttpStatusCode.BadRequest);
        var byName = await admin.Http.PostAsJsonAsync("/api/webhooks", new { url = receiver.Url.Replace("127.0.0.1", "localhost") });
        await ApiSession.Expect(byName, HttpStatusCode.Created);
        await admin.CreateLeadAsync(ApiSession.GoodFitLead());
        await production.Services.GetRequiredService<OutboxRelay>().RunOnceAsync(CancellationToken.None);

        Assert.NotNull(problem["errors"]!["url"]);
        Assert.Empty(receiver.Requests);
        var webhookId = (await byName.Content.ReadFromJsonAsync<JsonObject>())!["webhook"]!["id"]!.GetValue<string>();
        var deliveries = (await admin.GetJsonAsync($"/api/webhooks/{webhookId}/deliveries")).AsArray();
        var created = deliveries.Single(d => d!["eventType"]!.GetValue<string>() == "lead.created")!;
        Assert.Contains("private", created["lastError"]!.GetValue<string>());
        Assert.Equal(0, deliveries.Single(d => d!["eventType"]!.GetValue<string>() == "lead.stage_changed")!["attempts"]!.GetValue<int>());
    }

    private Task RelayAsync() => factory.Services.GetRequiredService<OutboxRelay>().RunOnceAsync(CancellationToken.None);

    private static async Task<string> SubscribeAsync(ApiSession admin, string url, params string[] eventTypes)
    {
        var response = await admin.Http.PostAsJsonAsync("/api/webhooks", new { url, eventTypes });
        await ApiSession.Expect(response, HttpStatusCode.Created);
        var secret = (await response.Content.ReadFromJsonAsync<JsonObject>())!["secret"]!.GetValue<string>();
        Assert.StartsWith("whsec_", secret);
        return secret;
    }

    private static async Task<string> OnlyWebhookIdAsync(ApiSession admin) =>
        (await admin.GetJsonAsync("/api/webhooks")).AsArray().Single()!["id"]!.GetValue<string>();
}

public sealed class SqliteWebhookTests(SqliteApiFactory factory) : WebhookTests<SqliteApiFactory>(factory);

public sealed class PostgresWebhookTests(PostgresApiFactory factory) : WebhookTests<PostgresApiFactory>(factory);
