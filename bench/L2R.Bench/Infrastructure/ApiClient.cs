using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace L2R.Bench.Infrastructure;

public sealed record TenantInfo(Guid TenantId, string Slug, Guid AdminUserId, string AdminEmail);

public sealed record Session(Guid UserId, string Email, string AccessToken);

/// <summary>The few product commands the bench seeds with, over one pooled HTTP client.</summary>
public sealed class ApiClient(HttpClient http)
{
    public const string Password = "bench-horse-battery-staple";

    public HttpClient Http { get; } = http;

    public static HttpClient CreateHttpClient(string baseUrl) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = int.MaxValue,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
    })
    {
        BaseAddress = new Uri(baseUrl),
        Timeout = TimeSpan.FromSeconds(60),
    };

    public async Task<TenantInfo> SignUpAsync(string tenantName, CancellationToken ct)
    {
        var email = $"admin@{Guid.NewGuid():N}.bench";
        var created = await SendAsync(HttpMethod.Post, "/api/tenants", null, new { tenantName, adminEmail = email, adminPassword = Password, adminName = "Bench Admin" }, HttpStatusCode.Created, ct);
        return new TenantInfo(
            Guid.Parse(created["tenantId"]!.GetValue<string>()),
            created["slug"]!.GetValue<string>(),
            Guid.Parse(created["adminUserId"]!.GetValue<string>()),
            email);
    }

    public async Task<Session> LoginAsync(string tenant, string email, CancellationToken ct)
    {
        var tokens = await SendAsync(HttpMethod.Post, "/api/auth/login", null, new { tenant, email, password = Password }, HttpStatusCode.OK, ct);
        return new Session(Guid.Parse(tokens["user"]!["id"]!.GetValue<string>()), email, tokens["accessToken"]!.GetValue<string>());
    }

    public async Task<Session> AddUserAsync(Session admin, string tenantSlug, string displayName, string[] roles, CancellationToken ct)
    {
        var email = $"{displayName.Replace(' ', '.').ToLowerInvariant()}.{Guid.NewGuid():N}@bench.test";
        await SendAsync(HttpMethod.Post, "/api/users", admin, new { email, displayName, password = Password, roles }, HttpStatusCode.Created, ct);
        return await LoginAsync(tenantSlug, email, ct);
    }

    public Task<JsonObject> CreateLeadAsync(Session session, object lead, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, "/api/leads", session, lead, HttpStatusCode.Created, ct);

    public Task<JsonObject> RecordActivityAsync(Session session, Guid leadId, string type, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"/api/leads/{leadId}/activities", session, new { type }, HttpStatusCode.Created, ct);

    public Task<JsonObject> GetLeadAsync(Session session, Guid leadId, CancellationToken ct) =>
        SendAsync(HttpMethod.Get, $"/api/leads/{leadId}", session, null, HttpStatusCode.OK, ct);

    public async Task<JsonObject> SendAsync(HttpMethod method, string path, Session? session, object? body, HttpStatusCode expected, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        if (session is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.AccessToken);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await Http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        }

        return JsonNode.Parse(text)!.AsObject();
    }
}
