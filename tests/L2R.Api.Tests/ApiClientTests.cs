using System.Net;
using System.Text.Json.Nodes;
using L2R.Api.Tests.Infrastructure;

namespace L2R.Api.Tests;

/// <summary>API clients over HTTP: client credentials at /connect/token, scopes per endpoint, revocation and rotation at the next request.</summary>
public abstract class ApiClientTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : L2RApiFactory
{
    [Fact]
    public async Task ClientCredentials_TokenCreatesALead_AndTheHistoryNamesTheClient()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var client = await ApiClientSession.CreateAsync(factory, admin, "Webform", "leads:write", "leads:read");

        var response = await client.Http.PostAsJsonAsync("/api/leads", ApiSession.GoodFitLead());

        await ApiSession.Expect(response, HttpStatusCode.Created);
        var id = (await response.Content.ReadFromJsonAsync<JsonObject>())!["lead"]!["id"]!.GetValue<string>();
        var created = (await admin.GetJsonAsync($"/api/leads/{id}/history"))["transitions"]!.AsArray()[0]!;
        Assert.Equal(("Integration", "Webform", client.Id.ToString()), (created["actorKind"]!.GetValue<string>(), created["actorName"]!.GetValue<string>(), created["actorClientId"]!.GetValue<string>()));
        Assert.Null(created["actorUserId"]);
        Assert.NotNull((await admin.GetJsonAsync($"/api/clients/{client.Id}"))["lastUsedAt"]);
    }

    [Fact]
    public async Task ClientToken_IsAJwtForTheApiIssuerAndAudience_WithItsScopes()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var client = await ApiClientSession.CreateAsync(factory, admin, "Reader", "leads:read", "activities:write");

        var claims = TestTokens.Payload(await client.TokenAsync(factory));

        Assert.Equal((L2RApiFactory.Issuer, L2RApiFactory.Audience, admin.TenantId.ToString()), (claims["iss"]!.GetValue<string>(), claims["aud"]!.GetValue<string>(), claims["tid"]!.GetValue<string>()));
        Assert.Equal(["activities:write", "leads:read"], claims["scope"]!.GetValue<string>().Split(' ').Order());
    }

    [Fact]
    public async Task WithoutTheScope_Is403NamingTheMissingScope_AndNothingIsWritten()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var client = await ApiClientSession.CreateAsync(factory, admin, "Reader", "leads:read");

        var response = await client.Http.PostAsJsonAsync("/api/leads", ApiSession.GoodFitLead());

        var problem = await ApiSession.ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("leads:write", problem["requiredScope"]!.GetValue<string>());
        Assert.Contains("leads:write", problem["detail"]!.GetValue<string>());
        Assert.Contains("insufficient_scope", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal(0, await admin.LeadCountAsync());
        await ApiSession.Expect(await client.Http.GetAsync("/api/leads"), HttpStatusCode.OK);
        await ApiSession.Expect(await client.Http.GetAsync("/api/board"), HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/api/agreement")]
    [InlineData("/api/users")]
    [InlineData("/api/clients")]
    [InlineData("/api/me")]
    public async Task EndpointsNoScopeCovers_Are403ToAClientWithEveryScope(string path)
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var client = await ApiClientSession.CreateAsync(factory, admin, "All", "leads:read", "leads:write", "activities:write", "transitions:write", "metrics:read", "webhooks:manage");

        var problem = await ApiSession.ProblemAsync(await client.Http.GetAsync(path), HttpStatusCode.Forbidden);

        Assert.Null(problem["requiredScope"]);
    }

    [Fact]
    public async Task RevokedClient_ItsIssuedTokenIs401AtTheNextRequest_AndItGetsNoNewOne()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var client = await ApiClientSession.CreateAsync(factory, admin, "Crm", "leads:read");
        await ApiSession.Expect(await client.Http.GetAsync("/api/leads"), HttpStatusCode.OK);

        await ApiSession.Expect(await admin.Http.DeleteAsync($"/api/clients/{client.Id}"), HttpStatusCode.OK);

        await ApiSession.Expect(await client.Http.GetAsync("/api/leads"), HttpStatusCode.Unauthorized);
        var refused = await ApiClientSession.RequestTokenAsync(factory, client.ClientId, client.Secret);
        await ApiSession.Expect(refused, HttpStatusCode.Unauthorized);
        Assert.Equal("invalid_client", (await refused.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rotation_BothSecretsWorkDuringTheOverlap_AndEndingTheOldOneRejectsItsTokens()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var client = await ApiClientSession.CreateAsync(factory, admin, "Crm", "leads:read");
        var rotated = await admin.Http.PostAsync($"/api/clients/{client.Id}/secrets", null);
        await ApiSession.Expect(rotated, HttpStatusCode.Created);
        var newSecret = (await rotated.Content.ReadFromJsonAsync<JsonObject>())!["clientSecret"]!.GetValue<string>();
        var newToken = ApiClientSession.WithToken(factory, await client.TokenAsync(factory, newSecret));
        var oldToken = ApiClientSession.WithToken(factory, await client.TokenAsync(factory));
        await ApiSession.Expect(await oldToken.GetAsync("/api/leads"), HttpStatusCode.OK);
        await ApiSession.ProblemAsync(await admin.Http.PostAsync($"/api/clients/{client.Id}/secrets", null), HttpStatusCode.Conflict);

        await ApiSession.Expect(await admin.Http.DeleteAsync($"/api/clients/{client.Id}/secrets/{client.SecretId}"), HttpStatusCode.OK);

        await ApiSession.Expect(await oldToken.GetAsync("/api/leads"), HttpStatusCode.Unauthorized);
        await ApiSession.Expect(await client.Http.GetAsync("/api/leads"), HttpStatusCode.Unauthorized);
        await ApiSession.Expect(await ApiClientSession.RequestTokenAsync(factory, client.ClientId, client.Secret), HttpStatusCode.Unauthorized);
        await ApiSession.Expect(await newToken.GetAsync("/api/leads"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task EndingTheOnlySecret_Is409()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var client = await ApiClientSession.CreateAsync(factory, admin, "Crm", "leads:read");

        await ApiSession.ProblemAsync(await admin.Http.DeleteAsync($"/api/clients/{client.Id}/secrets/{client.SecretId}"), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task TokenRequest_WrongSecretIs401_AndAScopeNotGrantedIs400InvalidScope()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var client = await ApiClientSession.CreateAsync(factory, admin, "Crm", "leads:read");

        var wrong = await ApiClientSession.RequestTokenAsync(factory, client.ClientId, client.Secret + "x");
        var unknownClient = await ApiClientSession.RequestTokenAsync(factory, $"{admin.TenantId:N}.{Guid.NewGuid():N}", client.Secret);
        var scope = await ApiClientSession.RequestTokenAsync(factory, client.ClientId, client.Secret, "leads:read leads:write");

        await ApiSession.Expect(wrong, HttpStatusCode.Unauthorized);
        await ApiSession.Expect(unknownClient, HttpStatusCode.Unauthorized);
        await ApiSession.Expect(scope, HttpStatusCode.BadRequest);
        Assert.Equal("invalid_scope", (await scope.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task AClientOfAnotherTenant_CannotGetATokenWithItsIdRewrittenToThisTenant()
    {
        var owner = await ApiSession.SignUpAsync(factory);
        var other = await ApiSession.SignUpAsync(factory);
        var client = await ApiClientSession.CreateAsync(factory, owner, "Crm", "leads:read");

        var forged = $"{other.TenantId:N}.{client.ClientId.Split('.')[1]}";

        await ApiSession.Expect(await ApiClientSession.RequestTokenAsync(factory, forged, client.Secret), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Integration_MayNotFireSalesTriggersUnderTheDefaultAgreement()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var client = await ApiClientSession.CreateAsync(factory, admin, "Crm", "transitions:write");
        var leadId = await admin.CreateMqlLeadAsync();

        var response = await client.Http.PostAsJsonAsync($"/api/leads/{leadId}/transitions", new { trigger = "Accept" });

        var problem = await ApiSession.ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("integrations", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task ClientsAdmin_IsForAdminsOnly_AnotherTenantsClientIs404_AndBadScopesAre400WithNothingWritten()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var marketing = await admin.AddUserAsync(factory, "Marketing");
        var intruder = await ApiSession.SignUpAsync(factory);
        var client = await ApiClientSession.CreateAsync(factory, admin, "Crm", "leads:read");

        await ApiSession.ProblemAsync(await marketing.Http.GetAsync("/api/clients"), HttpStatusCode.Forbidden);
        await ApiSession.ProblemAsync(await intruder.Http.GetAsync($"/api/clients/{client.Id}"), HttpStatusCode.NotFound);
        await ApiSession.ProblemAsync(await intruder.Http.DeleteAsync($"/api/clients/{client.Id}"), HttpStatusCode.NotFound);
        await ApiSession.ProblemAsync(await intruder.Http.PostAsync($"/api/clients/{client.Id}/secrets", null), HttpStatusCode.NotFound);
        var bad = await ApiSession.ProblemAsync(await admin.Http.PostAsJsonAsync("/api/clients", new { name = "", scopes = new[] { "leads:delete" } }), HttpStatusCode.BadRequest);

        Assert.NotNull(bad["errors"]!["name"]);
        Assert.NotNull(bad["errors"]!["scopes[0]"]);
        Assert.Empty((await intruder.GetJsonAsync("/api/clients")).AsArray());
        var listed = (await admin.GetJsonAsync("/api/clients")).AsArray().Single()!;
        Assert.Equal(("Crm", true), (listed["name"]!.GetValue<string>(), listed["isActive"]!.GetValue<bool>()));
        Assert.Equal(client.Secret[^4..], listed["secrets"]!.AsArray().Single()!["hint"]!.GetValue<string>());
        await ApiSession.Expect(await client.Http.GetAsync("/api/leads"), HttpStatusCode.OK);
    }
}

public sealed class SqliteApiClientTests(SqliteApiFactory factory) : ApiClientTests<SqliteApiFactory>(factory);

public sealed class PostgresApiClientTests(PostgresApiFactory factory) : ApiClientTests<PostgresApiFactory>(factory);
