using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using L2R.Api.Tests.Infrastructure;
using Microsoft.IdentityModel.Tokens;

namespace L2R.Api.Tests;

/// <summary>Only a token the API signed, for its issuer and audience, unexpired and untouched, gets in.</summary>
public abstract class ForgedTokenTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : L2RApiFactory
{
    public static TheoryData<string> Forgeries => new()
    {
        "no-token", "alg-none", "stripped-signature", "wrong-key", "our-kid-other-key", "key-confusion-rs256", "kid-injection",
        "jku-header", "x5u-header", "jwk-header", "unknown-crit", "wrong-issuer", "wrong-audience", "expired", "not-yet-valid",
        "no-expiry", "hs512", "tampered-tenant", "tampered-user", "garbage",
    };

    [Fact]
    public async Task ATokenBuiltWithTheRightKeyIssuerAndAudience_IsAccepted_SoEachForgeryBelowFailsForItsOneFlaw()
    {
        var (victim, userId, _) = await Tenants.GetValue(factory, _ => TwoTenantsAsync());

        using var http = Client(TestTokens.Create(TestTokens.For(victim, userId)));

        var me = await victim.GetJsonAsync("/api/me");
        Assert.Equal(me.ToJsonString(), (await http.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/api/me"))!.ToJsonString());
        await ApiSession.Expect(await http.GetAsync("/api/leads"), HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task AForgedToken_Is401OnMeAndLeads(string forgery)
    {
        var (victim, userId, other) = await Tenants.GetValue(factory, _ => TwoTenantsAsync());
        var valid = TestTokens.For(victim, userId);

        string? token = forgery switch
        {
            "no-token" => null,
            "alg-none" => TestTokens.Unsigned(valid),
            "stripped-signature" => string.Join('.', TestTokens.Create(valid).Split('.')[..2]) + ".",
            "wrong-key" => TestTokens.Create(valid with { Key = TestTokens.OtherKey }),
            "our-kid-other-key" => TestTokens.Create(valid with { Key = new SymmetricSecurityKey(TestTokens.OtherKey.Key) { KeyId = TestTokens.TestKey.KeyId } }),
            "key-confusion-rs256" => TestTokens.SignedWithRsa(valid),
            "kid-injection" => TestTokens.WithHeader(valid, new() { ["kid"] = "../../../../../../dev/null" }, key: []),
            "jku-header" => TestTokens.WithHeader(valid, new() { ["jku"] = "https://attacker.example/jwks.json" }),
            "x5u-header" => TestTokens.WithHeader(valid, new() { ["x5u"] = "https://attacker.example/cert.pem" }),
            "jwk-header" => TestTokens.WithHeader(valid, new() { ["jwk"] = new JsonObject { ["kty"] = "oct", ["k"] = Base64UrlEncoder.Encode(TestTokens.OtherKey.Key) } }),
            "unknown-crit" => TestTokens.WithHeader(valid, new() { ["crit"] = new JsonArray("l2r-trust-me"), ["l2r-trust-me"] = true }),
            "wrong-issuer" => TestTokens.Create(valid with { Issuer = "someone-else" }),
            "wrong-audience" => TestTokens.Create(valid with { Audience = "another-api" }),
            "expired" => TestTokens.Create(valid with { IssuedAt = DateTime.UtcNow.AddHours(-2), Expires = DateTime.UtcNow.AddMinutes(-5) }),
            "not-yet-valid" => TestTokens.Create(valid with { IssuedAt = DateTime.UtcNow.AddMinutes(10), Expires = DateTime.UtcNow.AddMinutes(30) }),
            "no-expiry" => TestTokens.Create(valid with { Expires = null }),
            "hs512" => TestTokens.SignedWithHs512(valid),
            "tampered-tenant" => TestTokens.WithClaim(victim.AccessToken, "tid", other.TenantId.ToString()),
            "tampered-user" => TestTokens.WithClaim(victim.AccessToken, "sub", Guid.NewGuid().ToString()),
            "garbage" => "not.a.jwt",
            _ => throw new ArgumentOutOfRangeException(nameof(forgery)),
        };

        using var http = Client(token);
        var me = await http.GetAsync("/api/me");
        var leads = await http.GetAsync("/api/leads");

        await ApiSession.ProblemAsync(me, HttpStatusCode.Unauthorized);
        var problem = await ApiSession.ProblemAsync(leads, HttpStatusCode.Unauthorized);
        Assert.Null(problem["items"]);
        Assert.DoesNotContain(other.TenantSlug, problem.ToJsonString());
        // The unchanged token still works, so the refusal is down to the forgery alone.
        await ApiSession.Expect(await victim.Http.GetAsync("/api/me"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task ATamperedTenantClaim_IsRefused_EvenThoughTheSignatureWasGenuine()
    {
        var victim = await ApiSession.SignUpAsync(factory);
        var other = await ApiSession.SignUpAsync(factory);
        await other.CreateLeadAsync(ApiSession.GoodFitLead());

        var tampered = TestTokens.WithClaim(victim.AccessToken, "tid", other.TenantId.ToString());

        Assert.Equal(other.TenantId.ToString(), TestTokens.Payload(tampered)["tid"]!.GetValue<string>());
        using var http = Client(tampered);
        var response = await http.GetAsync("/api/board");
        await ApiSession.Expect(response, HttpStatusCode.Unauthorized);
        Assert.True(response.Headers.WwwAuthenticate.Count > 0);
    }

    [Fact]
    public async Task AGenuineTokenForATenantAndUserThatDoNotExist_Is401Everywhere_AndWritesNothing()
    {
        var other = await ApiSession.SignUpAsync(factory);
        await other.CreateLeadAsync(ApiSession.GoodFitLead());

        using var http = Client(TestTokens.Create(new TestTokens.Options()));

        foreach (var path in new[] { "/api/me", "/api/leads", "/api/board", "/api/users", "/api/agreement" })
        {
            await ApiSession.ProblemAsync(await http.GetAsync(path), HttpStatusCode.Unauthorized);
        }

        await ApiSession.ProblemAsync(await http.PostAsJsonAsync("/api/leads", ApiSession.GoodFitLead()), HttpStatusCode.Unauthorized);
        Assert.Equal(1, await other.LeadCountAsync());
    }

    [Fact]
    public async Task AGenuineTokenForAnotherTenantsUser_IsNotThatUser()
    {
        var a = await ApiSession.SignUpAsync(factory);
        var b = await ApiSession.SignUpAsync(factory);
        var aUserId = Guid.Parse((await a.GetJsonAsync("/api/me"))["id"]!.GetValue<string>());

        // Tenant b's id with tenant a's admin: the user is looked up under b's filter and is not there.
        using var http = Client(TestTokens.Create(TestTokens.For(b, aUserId)));

        await ApiSession.Expect(await http.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
    }

    /// <summary>The theory's cases only read, so they share one pair of tenants per database.</summary>
    private static readonly ConditionalWeakTable<L2RApiFactory, Task<(ApiSession Victim, Guid VictimId, ApiSession Other)>> Tenants = new();

    private async Task<(ApiSession Victim, Guid VictimId, ApiSession Other)> TwoTenantsAsync()
    {
        var victim = await ApiSession.SignUpAsync(factory);
        var other = await ApiSession.SignUpAsync(factory);
        await other.CreateLeadAsync(ApiSession.GoodFitLead());
        return (victim, Guid.Parse((await victim.GetJsonAsync("/api/me"))["id"]!.GetValue<string>()), other);
    }

    private HttpClient Client(string? token)
    {
        var http = factory.CreateClient();
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return http;
    }
}

public sealed class SqliteForgedTokenTests(SqliteApiFactory factory) : ForgedTokenTests<SqliteApiFactory>(factory);

public sealed class PostgresForgedTokenTests(PostgresApiFactory factory) : ForgedTokenTests<PostgresApiFactory>(factory);
