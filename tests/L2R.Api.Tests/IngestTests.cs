using System.Net;
using System.Text.Json.Nodes;
using L2R.Api.Infrastructure.Outbox;
using L2R.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using StandardWebhooks;

namespace L2R.Api.Tests;

/// <summary>Ingest as integrations send it: upsert by the email in the body, activities by email in batches, all through the mover.</summary>
public abstract class IngestTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : L2RApiFactory
{
    [Fact]
    public async Task Upsert_CreatesTheLeadByEmail_ThenEditsIt_KeepingTheFieldsLeftOut()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var client = await ApiClientSession.CreateAsync(factory, admin, "Crm", "leads:write", "leads:read");

        var created = await client.Http.PostAsJsonAsync("/api/leads/upsert", new { email = "Ann@Initech.example", firstName = "Ann", company = "Initech" });
        var edited = await client.Http.PostAsJsonAsync("/api/leads/upsert", new { email = "Ann@Initech.example", title = "VP Sales" });

        await ApiSession.Expect(created, HttpStatusCode.Created);
        await ApiSession.Expect(edited, HttpStatusCode.OK);
        var lead = (await edited.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.False(lead["created"]!.GetValue<bool>());
        Assert.Equal(("Ann", "Initech", "VP Sales"), (lead["lead"]!["firstName"]!.GetValue<string>(), lead["lead"]!["company"]!.GetValue<string>(), lead["lead"]!["title"]!.GetValue<string>()));
        Assert.Equal(1, await admin.LeadCountAsync());
        var change = (await admin.GetJsonAsync($"/api/leads/{lead["lead"]!["id"]}/history"))["changes"]!.AsArray().Single()!;
        Assert.Equal(("title", "Crm"), (change["field"]!.GetValue<string>(), change["changedByName"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Upsert_WithoutAnEmail_Is400_AndWritesNothing()
    {
        var admin = await ApiSession.SignUpAsync(factory);

        var problem = await ApiSession.ProblemAsync(await admin.Http.PostAsJsonAsync("/api/leads/upsert", new { firstName = "Nobody" }), HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]!["email"]);
        Assert.Equal(0, await admin.LeadCountAsync());
    }

    [Fact]
    public async Task ActivitiesBatch_ByIdAndEmail_AnswersEachItem_AndTheMoverAdvancesTheLeads()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var client = await ApiClientSession.CreateAsync(factory, admin, "Forms", "activities:write", "leads:write");
        var known = await admin.CreateLeadAsync(ApiSession.GoodFitLead("known@globex.example"));
        var knownId = known["lead"]!["id"]!.GetValue<string>();
        var newLead = new { firstName = "Nia", company = "Globex", title = "VP Operations", companySize = 500, industry = "Software" };

        var response = await client.Http.PostAsJsonAsync("/api/activities", new
        {
            items = new object[]
            {
                new { leadId = knownId, type = "Webinar" },
                new { email = "KNOWN@globex.example", type = "FormSubmission" },
                new { email = "stranger@nowhere.example", type = "PageView" },
                new { email = "nia@globex.example", type = "Webinar", newLead },
                new { email = "nia@globex.example", type = "FormSubmission" },
            },
        });

        await ApiSession.Expect(response, HttpStatusCode.OK);
        var results = (await response.Content.ReadFromJsonAsync<JsonObject>())!["results"]!.AsArray();
        Assert.Equal([201, 201, 404, 201, 201], results.Select(r => r!["status"]!.GetValue<int>()));
        Assert.Equal([false, false, false, true, false], results.Select(r => r!["leadCreated"]!.GetValue<bool>()));
        Assert.Equal("MQL", (await admin.GetJsonAsync($"/api/leads/{knownId}"))["state"]!.GetValue<string>());
        Assert.Equal("MQL", (await admin.GetJsonAsync($"/api/leads/{results[3]!["leadId"]}"))["state"]!.GetValue<string>());
        Assert.Equal(2, await admin.LeadCountAsync());
    }

    [Fact]
    public async Task ActivitiesBatch_OverAThousandOrWithABadItem_Is400_AndWritesNothing()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var leadId = (await admin.CreateLeadAsync(ApiSession.GoodFitLead()))["lead"]!["id"]!.GetValue<string>();

        var tooMany = await admin.Http.PostAsJsonAsync("/api/activities", new { items = Enumerable.Range(0, 1001).Select(_ => new { leadId, type = "PageView" }) });
        var bad = await admin.Http.PostAsJsonAsync("/api/activities", new { items = new object[] { new { leadId, type = "PageView" }, new { type = "PageView" } } });

        await ApiSession.ProblemAsync(tooMany, HttpStatusCode.BadRequest);
        await ApiSession.ProblemAsync(bad, HttpStatusCode.BadRequest);
        Assert.Empty((await admin.GetJsonAsync($"/api/leads/{leadId}/activities")).AsArray());
    }

    [Fact]
    public async Task CreatingLeadsWithActivities_NeedsLeadsWrite()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var client = await ApiClientSession.CreateAsync(factory, admin, "Tracker", "activities:write");

        var response = await client.Http.PostAsJsonAsync("/api/activities", new { items = new[] { new { email = "new@x.example", type = "PageView", newLead = new { company = "X" } } } });

        await ApiSession.ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal(0, await admin.LeadCountAsync());
    }

    /// <summary>The issue's "done when": a client pushes a form fill by email and hears, signed, that the lead became an MQL; the feed has the same events once, in order.</summary>
    [Fact]
    public async Task AFormFillByEmail_BecomesAnMql_AndTheSignedWebhookAndTheFeedSayItOnceInOrder()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = await ApiSession.SignUpAsync(factory);
        var client = await ApiClientSession.CreateAsync(factory, admin, "Website", "activities:write", "leads:write", "leads:read", "webhooks:manage");
        var subscribed = await client.Http.PostAsJsonAsync("/api/webhooks", new { url = receiver.Url, eventTypes = new[] { "lead.stage_changed" } });
        await ApiSession.Expect(subscribed, HttpStatusCode.Created);
        var secret = (await subscribed.Content.ReadFromJsonAsync<JsonObject>())!["secret"]!.GetValue<string>();

        var newLead = new { firstName = "Vera", company = "Globex", title = "VP Operations", companySize = 500 };
        await ApiSession.Expect(await client.Http.PostAsJsonAsync("/api/activities", new
        {
            items = new object[] { new { email = "vera@globex.example", type = "Webinar", newLead }, new { email = "vera@globex.example", type = "FormSubmission" } },
        }), HttpStatusCode.OK);
        await factory.Services.GetRequiredService<OutboxRelay>().RunOnceAsync(CancellationToken.None);

        var webhooks = receiver.Requests.ToList();
        Assert.All(webhooks, r => new StandardWebhook(secret).Verify(r.Body, r.Headers));
        Assert.Equal(["Scored", "MQL"], webhooks.Select(r => r.Json["data"]!["to"]!.GetValue<string>()));
        var feed = (await client.Http.GetFromJsonAsync<JsonObject>("/api/events?types=lead.stage_changed"))!["items"]!.AsArray();
        Assert.Equal(webhooks.Select(r => r.Json["id"]!.GetValue<string>()), feed.Select(e => e!["id"]!.GetValue<string>()));
        Assert.Equal(webhooks.Select(r => r.Body), feed.Select(e => e!.ToJsonString(ApiSession.Json)));
    }
}

public sealed class SqliteIngestTests(SqliteApiFactory factory) : IngestTests<SqliteApiFactory>(factory);

public sealed class PostgresIngestTests(PostgresApiFactory factory) : IngestTests<PostgresApiFactory>(factory);
