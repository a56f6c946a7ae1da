using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using L2R.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace L2R.Api.Tests;

/// <summary>
/// A signing-key rotation with an overlap: instances that sign with the new key still accept the old one while it is
/// listed as previous, so nobody is signed out; once it is dropped, only tokens of the new key get in.
/// </summary>
public abstract class SigningKeyRotationTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : L2RApiFactory
{
    private static readonly string NewKey = Convert.ToBase64String(Enumerable.Range(0, 48).Select(i => (byte)(i * 7 + 3)).ToArray());

    private WebApplicationFactory<Program> Rotated(params string[] previous) => factory.WithWebHostBuilder(builder =>
    {
        builder.UseSetting("Auth:SigningKey", NewKey);
        for (var i = 0; i < previous.Length; i++)
        {
            builder.UseSetting($"Auth:PreviousSigningKeys:{i}", previous[i]);
        }
    });

    [Fact]
    public async Task DuringTheOverlap_OldTokensStillWork_AndRefreshIssuesTokensOfTheNewKey_AfterIt_OnlyTheNewKeyGetsIn()
    {
        var user = await ApiSession.SignUpAsync(factory);
        Assert.Equal(TestTokens.TestKey.KeyId, Kid(user.AccessToken));

        using var overlap = Rotated(L2RApiFactory.SigningKey);
        await ApiSession.Expect(await Get(overlap, user.AccessToken), HttpStatusCode.OK);
        var refreshed = await overlap.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken });
        await ApiSession.Expect(refreshed, HttpStatusCode.OK);
        var fresh = (await refreshed.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        Assert.Equal(TestTokens.Named(NewKey).KeyId, Kid(fresh));
        await ApiSession.Expect(await Get(overlap, fresh), HttpStatusCode.OK);

        using var after = Rotated();
        await ApiSession.ProblemAsync(await Get(after, user.AccessToken), HttpStatusCode.Unauthorized);
        await ApiSession.Expect(await Get(after, fresh), HttpStatusCode.OK);

        // The instance that has not rotated yet does not know the new key: roll instances out before users refresh onto it.
        await ApiSession.ProblemAsync(await Get(factory, fresh), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ATokenNamingTheOldKeyButSignedWithAnother_IsRefused_DuringTheOverlap()
    {
        var user = await ApiSession.SignUpAsync(factory);
        var me = await user.GetJsonAsync("/api/me");
        var forged = TestTokens.Create(TestTokens.For(user, Guid.Parse(me["id"]!.GetValue<string>())) with
        {
            Key = new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(Convert.FromBase64String(NewKey)) { KeyId = TestTokens.TestKey.KeyId },
        });

        using var overlap = Rotated(L2RApiFactory.SigningKey);

        await ApiSession.ProblemAsync(await Get(overlap, forged), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public void APreviousKeyTooShortToBeAKey_StopsTheApiFromStarting()
    {
        using var broken = Rotated("c2hvcnQ=");

        var error = Assert.ThrowsAny<Exception>(() => broken.CreateClient());

        Assert.Contains("Auth:PreviousSigningKeys", (error as OptionsValidationException ?? error.InnerException ?? error).Message);
    }

    private static async Task<HttpResponseMessage> Get(WebApplicationFactory<Program> instance, string token)
    {
        var http = instance.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.GetAsync("/api/me");
    }

    private static string? Kid(string token) => JsonNode.Parse(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(token.Split('.')[0]))!["kid"]?.GetValue<string>();
}

public sealed class SqliteSigningKeyRotationTests(SqliteApiFactory factory) : SigningKeyRotationTests<SqliteApiFactory>(factory);

public sealed class PostgresSigningKeyRotationTests(PostgresApiFactory factory) : SigningKeyRotationTests<PostgresApiFactory>(factory);
