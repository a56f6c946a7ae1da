using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;

namespace L2R.Api.Tests.Infrastructure;

/// <summary>An API client of a tenant: its credentials, and an HTTP client holding one of its access tokens.</summary>
public sealed record ApiClientSession(Guid Id, string ClientId, string Secret, Guid SecretId, HttpClient Http)
{
    /// <summary>An admin creates the client; it then gets a token with client credentials, as an integration would.</summary>
    public static async Task<ApiClientSession> CreateAsync(WebApplicationFactory<Program> factory, ApiSession admin, string name, params string[] scopes)
    {
        var response = await admin.Http.PostAsJsonAsync("/api/clients", new { name, scopes });
        await ApiSession.Expect(response, HttpStatusCode.Created);
        var issued = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var client = issued["client"]!;
        var session = new ApiClientSession(
            Guid.Parse(client["id"]!.GetValue<string>()),
            client["clientId"]!.GetValue<string>(),
            issued["clientSecret"]!.GetValue<string>(),
            Guid.Parse(issued["secretId"]!.GetValue<string>()),
            factory.CreateClient());
        session.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await session.TokenAsync(factory));
        return session;
    }

    public static Task<HttpResponseMessage> RequestTokenAsync(WebApplicationFactory<Program> factory, string clientId, string secret, string? scope = null)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        return factory.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(form));
    }

    public async Task<string> TokenAsync(WebApplicationFactory<Program> factory, string? secret = null)
    {
        var response = await RequestTokenAsync(factory, ClientId, secret ?? Secret);
        await ApiSession.Expect(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();
    }

    /// <summary>Another HTTP client carrying <paramref name="token"/>.</summary>
    public static HttpClient WithToken(WebApplicationFactory<Program> factory, string token)
    {
        var http = factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
