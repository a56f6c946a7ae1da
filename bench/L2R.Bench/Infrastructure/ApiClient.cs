using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Diagnostics;
using System.Text.Json.Nodes;
using L2R.Domain.Agreements;

namespace L2R.Bench.Infrastructure;

public sealed record TenantInfo(Guid TenantId, string Slug, Guid AdminUserId, string AdminEmail);

public sealed record Session(Guid UserId, string Email, string AccessToken);

public sealed record DraftInfo(string Id, int Version);

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

    /// <summary>
    /// A draft of <paramref name="agreement"/> through the product's own agreement workflow: drafted and edited by the
    /// admin, then signed off by a Marketing and a Sales user (two people). Not yet activated.
    /// </summary>
    public async Task<DraftInfo> SignedOffDraftAsync(Session admin, Session marketing, Session sales, LeadAgreement agreement, CancellationToken ct)
    {
        var draft = await SendAsync(HttpMethod.Post, "/api/agreement/drafts", admin, new { fromVersion = (int?)null }, HttpStatusCode.Created, ct);
        var id = draft["id"]!.GetValue<string>();
        var content = JsonNode.Parse(AgreementJson.Serialize(agreement));
        draft = await SendAsync(HttpMethod.Put, $"/api/agreement/drafts/{id}", admin, new { agreement = content, revision = draft["revision"]!.GetValue<int>() }, HttpStatusCode.OK, ct);
        var revision = draft["revision"]!.GetValue<int>();
        await SendAsync(HttpMethod.Post, $"/api/agreement/drafts/{id}/approvals", marketing, new { role = "Marketing", revision }, HttpStatusCode.OK, ct);
        await SendAsync(HttpMethod.Post, $"/api/agreement/drafts/{id}/approvals", sales, new { role = "Sales", revision }, HttpStatusCode.OK, ct);
        return new DraftInfo(id, draft["version"]!.GetValue<int>());
    }

    /// <summary>
    /// Activates a signed-off draft and polls the re-scoring job every <paramref name="poll"/> until it is no longer
    /// running (or <paramref name="timeout"/> passes): the activation as last read, and when each change of its progress
    /// was first seen (seconds since the activate request was sent, leads processed).
    /// </summary>
    public async Task<(JsonObject Activation, IReadOnlyList<(double Seconds, int Processed)> Progress)> ActivateAsync(
        Session admin, DraftInfo draft, TimeSpan poll, TimeSpan timeout, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var activation = await SendAsync(HttpMethod.Post, $"/api/agreement/drafts/{draft.Id}/activate", admin, null, HttpStatusCode.Accepted, ct);
        var progress = new List<(double Seconds, int Processed)> { (clock.Elapsed.TotalSeconds, 0) };
        while (activation["status"]!.GetValue<string>() == "Running" && clock.Elapsed < timeout)
        {
            await Task.Delay(poll, ct);
            activation = await SendAsync(HttpMethod.Get, $"/api/agreement/activations/{activation["id"]!.GetValue<string>()}", admin, null, HttpStatusCode.OK, ct);
            var processed = activation["processed"]!.GetValue<int>();
            if (processed != progress[^1].Processed || activation["status"]!.GetValue<string>() != "Running")
            {
                progress.Add((clock.Elapsed.TotalSeconds, processed));
            }
        }

        return (activation, progress);
    }

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
