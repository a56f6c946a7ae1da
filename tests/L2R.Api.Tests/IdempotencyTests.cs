using System.Net;
using System.Text.Json.Nodes;
using L2R.Api.Tests.Infrastructure;

namespace L2R.Api.Tests;

/// <summary>Idempotency-Key on the POSTs that create or move: one write per key, the same answer again, 422 for another body.</summary>
public abstract class IdempotencyTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : L2RApiFactory
{
    [Fact]
    public async Task TwoIdenticalPosts_WriteOneLead_AndGetTheSameResponse()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var lead = ApiSession.GoodFitLead();

        var first = await PostAsync(admin.Http, "/api/leads", lead, "create-vera");
        var second = await PostAsync(admin.Http, "/api/leads", lead, "create-vera");

        await ApiSession.Expect(first, HttpStatusCode.Created);
        await ApiSession.Expect(second, HttpStatusCode.Created);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.True(second.Headers.Contains("Idempotent-Replayed"));
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, await admin.LeadCountAsync());
    }

    [Fact]
    public async Task SameKeyWithADifferentBody_Is422_AndWritesNothing()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        await ApiSession.Expect(await PostAsync(admin.Http, "/api/leads", ApiSession.GoodFitLead(), "k1"), HttpStatusCode.Created);

        var problem = await ApiSession.ProblemAsync(await PostAsync(admin.Http, "/api/leads", ApiSession.GoodFitLead(), "k1"), HttpStatusCode.UnprocessableEntity);

        Assert.EndsWith("idempotency-key-reused", problem["type"]!.GetValue<string>());
        Assert.Equal(1, await admin.LeadCountAsync());
    }

    [Fact]
    public async Task ConcurrentDuplicates_WriteOnce()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var lead = ApiSession.GoodFitLead();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => PostAsync(admin.Http, "/api/leads", lead, "burst")));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        var created = responses.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
        Assert.NotEmpty(created);
        Assert.Single((await Task.WhenAll(created.Select(r => r.Content.ReadAsStringAsync()))).Distinct());
        Assert.Equal(1, await admin.LeadCountAsync());
    }

    [Fact]
    public async Task ARefusedRequest_StoresNothing_SoTheCorrectedRetryRuns()
    {
        var admin = await ApiSession.SignUpAsync(factory);

        await ApiSession.ProblemAsync(await PostAsync(admin.Http, "/api/leads", new { email = new string('x', 300) }, "fix-me"), HttpStatusCode.BadRequest);
        var retried = await PostAsync(admin.Http, "/api/leads", ApiSession.GoodFitLead(), "fix-me");

        await ApiSession.Expect(retried, HttpStatusCode.Created);
        Assert.Equal(1, await admin.LeadCountAsync());
    }

    [Fact]
    public async Task KeysAreScopedToTheCaller()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var marketing = await admin.AddUserAsync(factory, "Marketing");

        await ApiSession.Expect(await PostAsync(admin.Http, "/api/leads", ApiSession.GoodFitLead(), "shared"), HttpStatusCode.Created);
        await ApiSession.Expect(await PostAsync(marketing.Http, "/api/leads", ApiSession.GoodFitLead(), "shared"), HttpStatusCode.Created);

        Assert.Equal(2, await admin.LeadCountAsync());
    }

    [Fact]
    public async Task AMoveSentTwice_IsMadeOnce()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var sales = await admin.AddUserAsync(factory, "Sales");
        var leadId = await admin.CreateMqlLeadAsync();

        var first = await PostAsync(sales.Http, $"/api/leads/{leadId}/transitions", new { trigger = "Reject", reasonCode = "no-need" }, "reject-1");
        var second = await PostAsync(sales.Http, $"/api/leads/{leadId}/transitions", new { trigger = "Reject", reasonCode = "no-need" }, "reject-1");

        await ApiSession.Expect(first, HttpStatusCode.OK);
        await ApiSession.Expect(second, HttpStatusCode.OK);
        var rejects = (await admin.GetJsonAsync($"/api/leads/{leadId}/history"))["transitions"]!.AsArray().Count(t => t!["trigger"]?.GetValue<string>() == "Reject");
        Assert.Equal(1, rejects);
    }

    [Fact]
    public async Task AUserCreatedTwiceWithOneKey_ExistsOnce()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var user = new { email = "twice@example.test", displayName = "Twice", password = ApiSession.Password, roles = new[] { "Sales" } };

        var first = await PostAsync(admin.Http, "/api/users", user, "user-1");
        var second = await PostAsync(admin.Http, "/api/users", user, "user-1");

        await ApiSession.Expect(first, HttpStatusCode.Created);
        await ApiSession.Expect(second, HttpStatusCode.Created);
        Assert.Single((await admin.GetJsonAsync("/api/users")).AsArray(), u => u!["email"]!.GetValue<string>() == "twice@example.test");
    }

    [Fact]
    public async Task AKeyLongerThan255Characters_Is400()
    {
        var admin = await ApiSession.SignUpAsync(factory);

        var problem = await ApiSession.ProblemAsync(await PostAsync(admin.Http, "/api/leads", ApiSession.GoodFitLead(), new string('k', 256)), HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]!["Idempotency-Key"]);
        Assert.Equal(0, await admin.LeadCountAsync());
    }

    [Fact]
    public async Task AnEmptyKey_IsNoKey_AsTheGeneratedClientSendsIt()
    {
        var admin = await ApiSession.SignUpAsync(factory);

        var first = await PostAsync(admin.Http, "/api/leads", ApiSession.GoodFitLead(), "");
        var second = await PostAsync(admin.Http, "/api/leads", new { lastName = "Other", email = $"other.{Guid.NewGuid():N}@example.test" }, "");

        await ApiSession.Expect(first, HttpStatusCode.Created);
        await ApiSession.Expect(second, HttpStatusCode.Created);
        Assert.False(second.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(2, await admin.LeadCountAsync());
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string url, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body, options: ApiSession.Json) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return http.SendAsync(request);
    }
}

public sealed class SqliteIdempotencyTests(SqliteApiFactory factory) : IdempotencyTests<SqliteApiFactory>(factory);

public sealed class PostgresIdempotencyTests(PostgresApiFactory factory) : IdempotencyTests<PostgresApiFactory>(factory);
