using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using L2R.Domain.Agreements;
using Microsoft.AspNetCore.Mvc.Testing;

namespace L2R.Api.Tests.Infrastructure;

/// <summary>An HTTP client signed in as one user of one tenant, with small JSON helpers.</summary>
public sealed class ApiSession(HttpClient http, string tenantSlug, Guid tenantId, string email, string accessToken, string refreshToken)
{
    public static readonly JsonSerializerOptions Json = AgreementJson.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));
    public const string Password = "correct-horse-battery-staple";

    public HttpClient Http { get; } = http;
    public string TenantSlug { get; } = tenantSlug;
    public Guid TenantId { get; } = tenantId;
    public string Email { get; } = email;
    public string AccessToken { get; } = accessToken;
    public string RefreshToken { get; } = refreshToken;

    /// <summary>Signs up a new tenant and returns its admin's session.</summary>
    public static async Task<ApiSession> SignUpAsync(WebApplicationFactory<Program> factory, string? name = null)
    {
        var http = factory.CreateClient();
        var tenantName = name ?? $"Tenant {Guid.NewGuid():N}"[..20];
        var email = $"admin@{Guid.NewGuid():N}.test";
        var signUp = await http.PostAsJsonAsync("/api/tenants", new { tenantName, adminEmail = email, adminPassword = Password, adminName = "Ada Admin" });
        await Expect(signUp, HttpStatusCode.Created);
        var created = await signUp.Content.ReadFromJsonAsync<JsonObject>();
        return await LoginAsync(factory, created!["slug"]!.GetValue<string>(), email);
    }

    public static async Task<ApiSession> LoginAsync(WebApplicationFactory<Program> factory, string tenant, string email, string password = Password)
    {
        var http = factory.CreateClient();
        var response = await http.PostAsJsonAsync("/api/auth/login", new { tenant, email, password });
        await Expect(response, HttpStatusCode.OK);
        var tokens = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var access = tokens["accessToken"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access);
        return new ApiSession(http, tenant, Guid.Parse(tokens["user"]!["tenantId"]!.GetValue<string>()), email, access, tokens["refreshToken"]!.GetValue<string>());
    }

    /// <summary>
    /// This user with an access token valid from sixty days ago to sixty days ahead, signed with the test key: a test
    /// that moves the API's clock by days keeps a token the API accepts whichever clock checks it.
    /// </summary>
    public async Task<ApiSession> ForTimeTravelAsync(L2RApiFactory factory)
    {
        var me = await GetJsonAsync("/api/me");
        var token = TestTokens.Create(new TestTokens.Options
        {
            UserId = Guid.Parse(me["id"]!.GetValue<string>()),
            TenantId = TenantId,
            Email = Email,
            Roles = [.. me["roles"]!.AsArray().Select(r => r!.GetValue<string>())],
            IssuedAt = DateTime.UtcNow.AddDays(-60),
            Expires = DateTime.UtcNow.AddDays(60),
        });
        var http = factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new ApiSession(http, TenantSlug, TenantId, Email, token, RefreshToken);
    }

    /// <summary>Creates a user of this tenant with the given roles (this session must be an admin) and signs them in.</summary>
    public async Task<ApiSession> AddUserAsync(WebApplicationFactory<Program> factory, params string[] roles)
    {
        var email = $"{string.Join("-", roles).ToLowerInvariant()}-{Guid.NewGuid():N}@example.test";
        var response = await Http.PostAsJsonAsync("/api/users", new { email, displayName = $"{string.Join(" ", roles)} user", password = Password, roles });
        await Expect(response, HttpStatusCode.Created);
        return await LoginAsync(factory, TenantSlug, email);
    }

    public async Task<JsonObject> CreateLeadAsync(object lead)
    {
        var response = await Http.PostAsJsonAsync("/api/leads", lead, Json);
        await Expect(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public Task<HttpResponseMessage> FireAsync(Guid leadId, string trigger, string? reasonCode = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/leads/{leadId}/transitions") { Content = JsonContent.Create(new { trigger, reasonCode }) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return Http.SendAsync(request);
    }

    public async Task<JsonObject> RecordActivityAsync(Guid leadId, string type, DateTime? occurredAt = null)
    {
        var response = await Http.PostAsJsonAsync($"/api/leads/{leadId}/activities", new { type, occurredAt });
        await Expect(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public Task<HttpResponseMessage> PatchLeadAsync(Guid leadId, object changes, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/leads/{leadId}") { Content = JsonContent.Create(changes, options: Json) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return Http.SendAsync(request);
    }

    /// <summary>A good-fit lead that its activities have carried to MQL by themselves.</summary>
    public async Task<Guid> CreateMqlLeadAsync(object? lead = null)
    {
        var created = await CreateLeadAsync(lead ?? GoodFitLead());
        var id = Guid.Parse(created["lead"]!["id"]!.GetValue<string>());
        await RecordActivityAsync(id, "Webinar");
        var result = await RecordActivityAsync(id, "FormSubmission");
        Assert.Equal("MQL", result["lead"]!["state"]!.GetValue<string>());
        return id;
    }

    /// <summary>How many leads this session's tenant has, whatever their stage.</summary>
    public async Task<int> LeadCountAsync() => (await GetJsonAsync("/api/leads?pageSize=1"))["total"]!.GetValue<int>();

    public async Task<JsonObject> CreateDraftAsync(int? fromVersion = null)
    {
        var response = await Http.PostAsJsonAsync("/api/agreement/drafts", new { fromVersion });
        await Expect(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>Edits a copy of the draft's agreement and saves it at the draft's revision.</summary>
    public async Task<JsonObject> UpdateDraftAsync(JsonObject draft, Action<JsonObject> edit)
    {
        var agreement = draft["agreement"]!.DeepClone().AsObject();
        edit(agreement);
        var response = await Http.PutAsJsonAsync($"/api/agreement/drafts/{draft["id"]}", new { agreement, revision = draft["revision"]!.GetValue<int>() });
        await Expect(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public async Task<JsonNode> GetJsonAsync(string url)
    {
        var response = await Http.GetAsync(url);
        await Expect(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
    }

    public static async Task Expect(HttpResponseMessage response, HttpStatusCode status)
    {
        if (response.StatusCode != status)
        {
            Assert.Fail($"Expected {(int)status} from {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} but got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    public static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        await Expect(response, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>A lead the default agreement scores at once (valid email, company) with a fit of 45 and no engagement yet.</summary>
    public static object GoodFitLead(string? email = null) => new
    {
        firstName = "Vera",
        lastName = "Vance",
        email = email ?? $"vera.{Guid.NewGuid():N}@globex.example",
        phone = "+1 555 010 2020",
        title = "VP Operations",
        company = "Globex",
        companySize = 500,
        industry = "Software",
        source = "Webinar",
        campaign = "Spring Launch",
    };
}
