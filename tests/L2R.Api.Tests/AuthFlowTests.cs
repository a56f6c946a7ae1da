using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace L2R.Api.Tests;

/// <summary>Sign-up, login, rotating refresh tokens, logout, and the admin's user management.</summary>
public abstract class AuthFlowTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : L2RApiFactory
{
    [Fact]
    public async Task SignUp_ThenLogin_GivesTokensAndMeShowsTheTenantAndAdminRole()
    {
        var admin = await ApiSession.SignUpAsync(factory, "Initech Holdings");

        var me = await admin.GetJsonAsync("/api/me");

        Assert.StartsWith("initech-holdings", admin.TenantSlug);
        Assert.Equal(admin.TenantSlug, me["tenantSlug"]!.GetValue<string>());
        Assert.Equal("Initech Holdings", me["tenantName"]!.GetValue<string>());
        Assert.Equal(admin.Email, me["email"]!.GetValue<string>());
        Assert.Equal(["Admin"], Roles(me));
        Assert.Equal(admin.TenantId.ToString(), TestTokens.Payload(admin.AccessToken)["tid"]!.GetValue<string>());
    }

    [Fact]
    public async Task Login_WithWrongPasswordUnknownTenantOrUnknownEmail_Is401WithTheSameMessage()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var http = factory.CreateClient();

        var attempts = new object[]
        {
            new { tenant = admin.TenantSlug, email = admin.Email, password = "not-the-password" },
            new { tenant = "no-such-tenant-" + Guid.NewGuid().ToString("N")[..8], email = admin.Email, password = ApiSession.Password },
            new { tenant = admin.TenantSlug, email = "nobody@example.test", password = ApiSession.Password },
        };
        var problems = new List<JsonObject>();
        foreach (var attempt in attempts)
        {
            problems.Add(await ApiSession.ProblemAsync(await http.PostAsJsonAsync("/api/auth/login", attempt), HttpStatusCode.Unauthorized));
        }

        Assert.All(problems, p =>
        {
            Assert.Equal(problems[0]["title"]!.GetValue<string>(), p["title"]!.GetValue<string>());
            Assert.Equal(problems[0]["detail"]!.GetValue<string>(), p["detail"]!.GetValue<string>());
            Assert.Equal(problems[0]["type"]!.GetValue<string>(), p["type"]!.GetValue<string>());
            Assert.Null(p["accessToken"]);
        });
        // Email and tenant are matched case-insensitively.
        await ApiSession.LoginAsync(factory, admin.TenantSlug.ToUpperInvariant(), admin.Email.ToUpperInvariant());
    }

    [Fact]
    public async Task Refresh_RotatesTokens_AndTheOldRefreshTokenIsSpent()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var http = factory.CreateClient();

        var refreshed = await RefreshAsync(http, admin.RefreshToken, HttpStatusCode.OK);

        var newRefresh = refreshed!["refreshToken"]!.GetValue<string>();
        var newAccess = refreshed["accessToken"]!.GetValue<string>();
        Assert.NotEqual(admin.RefreshToken, newRefresh);
        Assert.Equal(admin.Email, refreshed["user"]!["email"]!.GetValue<string>());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", newAccess);
        await ApiSession.Expect(await http.GetAsync("/api/me"), HttpStatusCode.OK);

        await RefreshAsync(factory.CreateClient(), admin.RefreshToken, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ReusingASpentRefreshToken_RevokesTheWholeFamily_ButNotOtherLogins()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var otherLogin = await ApiSession.LoginAsync(factory, admin.TenantSlug, admin.Email);
        var http = factory.CreateClient();
        var second = (await RefreshAsync(http, admin.RefreshToken, HttpStatusCode.OK))!["refreshToken"]!.GetValue<string>();

        await RefreshAsync(http, admin.RefreshToken, HttpStatusCode.Unauthorized);

        await RefreshAsync(http, second, HttpStatusCode.Unauthorized);
        await RefreshAsync(http, otherLogin.RefreshToken, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Refresh_WithAMalformedOrUnknownToken_Is401()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var http = factory.CreateClient();

        await RefreshAsync(http, "garbage", HttpStatusCode.Unauthorized);
        await RefreshAsync(http, $"{admin.TenantId:N}.not-a-real-secret", HttpStatusCode.Unauthorized);
        await RefreshAsync(http, $"{Guid.NewGuid():N}.{admin.RefreshToken.Split('.')[1]}", HttpStatusCode.Unauthorized);
        // None of those touched the real token's family.
        await RefreshAsync(http, admin.RefreshToken, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Logout_RevokesTheRefreshToken()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var http = factory.CreateClient();

        await ApiSession.Expect(await http.PostAsJsonAsync("/api/auth/logout", new { refreshToken = admin.RefreshToken }), HttpStatusCode.NoContent);

        await RefreshAsync(http, admin.RefreshToken, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ADeactivatedUser_CannotLogInOrRefresh_AndTheirAccessTokenStopsWorkingAtOnce()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var sales = await admin.AddUserAsync(factory, "Sales");
        var salesId = await UserIdAsync(admin, sales.Email);

        var deactivated = await admin.Http.PostAsync($"/api/users/{salesId}/deactivate", null);

        await ApiSession.Expect(deactivated, HttpStatusCode.OK);
        Assert.False((await deactivated.Content.ReadFromJsonAsync<JsonObject>())!["isActive"]!.GetValue<bool>());
        var login = await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { tenant = sales.TenantSlug, email = sales.Email, password = ApiSession.Password });
        await ApiSession.ProblemAsync(login, HttpStatusCode.Unauthorized);
        await RefreshAsync(factory.CreateClient(), sales.RefreshToken, HttpStatusCode.Unauthorized);
        await ApiSession.ProblemAsync(await sales.Http.GetAsync("/api/leads"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AnAdminDemotedByAnother_Gets403OnTheNextAdminRequest_AndStaysSignedInAsSales()
    {
        var (_, other, _) = await AdminDemotedByAnotherAsync();

        await ApiSession.ProblemAsync(await other.Http.GetAsync("/api/users"), HttpStatusCode.Forbidden);
        await ApiSession.Expect(await other.Http.GetAsync("/api/leads"), HttpStatusCode.OK);
        Assert.Equal("Admin", TestTokens.Payload(other.AccessToken)["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task AUserPromotedToAdmin_MayDoAdminWorkOnTheNextRequest()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var sales = await admin.AddUserAsync(factory, "Sales");
        await ApiSession.ProblemAsync(await sales.Http.GetAsync("/api/users"), HttpStatusCode.Forbidden);

        await ApiSession.Expect(await admin.Http.PutAsJsonAsync($"/api/users/{await UserIdAsync(admin, sales.Email)}/roles", new { roles = new[] { "Admin", "Sales" } }), HttpStatusCode.OK);

        await ApiSession.Expect(await sales.Http.GetAsync("/api/users"), HttpStatusCode.OK);
    }

    /// <summary>A request that read the user as Admin just before the demotion committed must not put Admin back in the cache.</summary>
    [Fact]
    public async Task AReadFromBeforeTheDemotion_ArrivingAfterIt_DoesNotLetTheAdminBackIn()
    {
        var (admin, other, otherId) = await AdminDemotedByAnotherAsync();

        factory.Services.GetRequiredService<ActiveUserCheck>().Remember(new User
        {
            Id = otherId,
            TenantId = admin.TenantId,
            Email = other.Email,
            NormalizedEmail = other.Email,
            DisplayName = "Admin as read before the demotion",
            Roles = Domain.Leads.Roles.Admin,
            Version = 1,
        });

        await ApiSession.ProblemAsync(await other.Http.GetAsync("/api/users"), HttpStatusCode.Forbidden);
    }

    /// <summary>Sign-in opens a scope for the tenant it names; a token for another tenant sent along does not leak into it.</summary>
    [Fact]
    public async Task SigningIntoATenant_WhileCarryingAnotherTenantsToken_SignsIntoTheNamedTenant()
    {
        var first = await ApiSession.SignUpAsync(factory);
        var second = await ApiSession.SignUpAsync(factory);

        var login = await first.Http.PostAsJsonAsync("/api/auth/login", new { tenant = second.TenantSlug, email = second.Email, password = ApiSession.Password });

        await ApiSession.Expect(login, HttpStatusCode.OK);
        var tokens = (await login.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(second.TenantId.ToString(), TestTokens.Payload(tokens["accessToken"]!.GetValue<string>())["tid"]!.GetValue<string>());
    }

    [Fact]
    public async Task Me_ListsEveryRoleTheUserHolds()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var both = await admin.AddUserAsync(factory, "Marketing", "Sales");

        var me = await both.GetJsonAsync("/api/me");

        Assert.Equal(["Marketing", "Sales"], Roles(me));
        Assert.Equal(both.Email, me["email"]!.GetValue<string>());
        Assert.Equal(["Marketing", "Sales"], TestTokens.Payload(both.AccessToken)["role"]!.AsArray().Select(r => r!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task Users_AreForAdminsOnly()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var marketing = await admin.AddUserAsync(factory, "Marketing", "Sales");
        var adminId = await UserIdAsync(admin, admin.Email);

        await ApiSession.ProblemAsync(await marketing.Http.GetAsync("/api/users"), HttpStatusCode.Forbidden);
        var create = await marketing.Http.PostAsJsonAsync("/api/users", new { email = "sneaky@example.test", displayName = "Sneaky", password = ApiSession.Password, roles = new[] { "Admin" } });
        await ApiSession.ProblemAsync(create, HttpStatusCode.Forbidden);
        await ApiSession.ProblemAsync(await marketing.Http.PutAsJsonAsync($"/api/users/{adminId}/roles", new { roles = new[] { "Sales" } }), HttpStatusCode.Forbidden);
        await ApiSession.ProblemAsync(await marketing.Http.PostAsync($"/api/users/{adminId}/deactivate", null), HttpStatusCode.Forbidden);
        await ApiSession.Expect(await factory.CreateClient().GetAsync("/api/users"), HttpStatusCode.Unauthorized);

        Assert.Equal(2, (await admin.GetJsonAsync("/api/users")).AsArray().Count);
        Assert.Equal(["Admin"], Roles((await admin.GetJsonAsync("/api/users")).AsArray().Single(u => u!["id"]!.GetValue<string>() == adminId.ToString())!));
    }

    [Fact]
    public async Task Admin_CreatesAUserWithRoles_DuplicateEmailIs409_AndSetsRoles()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var email = $"Mia.{Guid.NewGuid():N}@Example.test";

        var create = await admin.Http.PostAsJsonAsync("/api/users", new { email, displayName = "Mia Marketing", password = ApiSession.Password, roles = new[] { "Marketing", "Sales" } });

        await ApiSession.Expect(create, HttpStatusCode.Created);
        var user = (await create.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(["Marketing", "Sales"], Roles(user));
        Assert.True(user["isActive"]!.GetValue<bool>());
        Assert.EndsWith($"/api/users/{user["id"]!.GetValue<string>()}", create.Headers.Location!.ToString());

        var duplicate = await admin.Http.PostAsJsonAsync("/api/users", new { email = email.ToLowerInvariant(), displayName = "Mia Again", password = ApiSession.Password, roles = new[] { "Sales" } });
        await ApiSession.ProblemAsync(duplicate, HttpStatusCode.Conflict);

        var mia = await ApiSession.LoginAsync(factory, admin.TenantSlug, email);
        var setRoles = await admin.Http.PutAsJsonAsync($"/api/users/{user["id"]!.GetValue<string>()}/roles", new { roles = new[] { "Sales" } });
        await ApiSession.Expect(setRoles, HttpStatusCode.OK);
        Assert.Equal(["Sales"], Roles((await setRoles.Content.ReadFromJsonAsync<JsonObject>())!));

        // Roles come from the user's row at the next refresh (or login), not from the old token.
        var refreshed = (await RefreshAsync(factory.CreateClient(), mia.RefreshToken, HttpStatusCode.OK))!;
        Assert.Equal(["Sales"], Roles(refreshed["user"]!));
        Assert.Equal("Sales", TestTokens.Payload(refreshed["accessToken"]!.GetValue<string>())["role"]!.GetValue<string>());
        Assert.Equal(["Sales"], Roles(await mia.GetJsonAsync("/api/me")));
        Assert.Equal(2, (await admin.GetJsonAsync("/api/users")).AsArray().Count);
    }

    [Fact]
    public async Task CreatedUser_ItsLocationAnswersTheUser()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var email = $"sam.{Guid.NewGuid():N}@example.test";

        var create = await admin.Http.PostAsJsonAsync("/api/users", new { email, displayName = "Sam Sales", password = ApiSession.Password, roles = new[] { "Sales" } });

        await ApiSession.Expect(create, HttpStatusCode.Created);
        var created = (await create.Content.ReadFromJsonAsync<JsonObject>())!;
        var fetched = await admin.GetJsonAsync(create.Headers.Location!.ToString());
        Assert.Equal(created["id"]!.GetValue<string>(), fetched["id"]!.GetValue<string>());
        Assert.Equal((email, "Sam Sales"), (fetched["email"]!.GetValue<string>(), fetched["displayName"]!.GetValue<string>()));
        Assert.Equal(["Sales"], Roles(fetched));
        await ApiSession.ProblemAsync(await admin.Http.GetAsync($"/api/users/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        var sam = await ApiSession.LoginAsync(factory, admin.TenantSlug, email);
        await ApiSession.ProblemAsync(await sam.Http.GetAsync(create.Headers.Location), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task CreateUser_WithBadInput_IsAValidationProblem()
    {
        var admin = await ApiSession.SignUpAsync(factory);

        var noRoles = await ApiSession.ProblemAsync(
            await admin.Http.PostAsJsonAsync("/api/users", new { email = "a@example.test", displayName = "A", password = ApiSession.Password, roles = Array.Empty<string>() }),
            HttpStatusCode.BadRequest);
        var shortPassword = await ApiSession.ProblemAsync(
            await admin.Http.PostAsJsonAsync("/api/users", new { email = "b@example.test", displayName = "B", password = "short", roles = new[] { "Sales" } }),
            HttpStatusCode.BadRequest);
        var badEmail = await ApiSession.ProblemAsync(
            await admin.Http.PostAsJsonAsync("/api/users", new { email = "not-an-email", displayName = "C", password = ApiSession.Password, roles = new[] { "Sales" } }),
            HttpStatusCode.BadRequest);
        await ApiSession.ProblemAsync(
            await admin.Http.PostAsJsonAsync("/api/users", new { email = "d@example.test", displayName = "D", password = ApiSession.Password, roles = new[] { "Wizard" } }),
            HttpStatusCode.BadRequest);

        Assert.NotNull(noRoles["errors"]!["roles"]);
        Assert.NotNull(shortPassword["errors"]!["password"]);
        Assert.NotNull(badEmail["errors"]!["email"]);
        Assert.Single((await admin.GetJsonAsync("/api/users")).AsArray());
    }

    [Fact]
    public async Task SignUp_WithBadInput_IsKeyedByTheFieldsTheClientSent()
    {
        var http = factory.CreateClient();

        var response = await http.PostAsJsonAsync("/api/tenants", new { tenantName = "", adminEmail = "nope", adminPassword = "short" });

        var problem = await ApiSession.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["adminEmail", "adminPassword", "tenantName"], problem["errors"]!.AsObject().Select(e => e.Key).Order());
    }

    [Fact]
    public async Task Admin_CannotRemoveOwnAdminRole_OrDeactivateSelf()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var adminId = await UserIdAsync(admin, admin.Email);

        var demote = await ApiSession.ProblemAsync(await admin.Http.PutAsJsonAsync($"/api/users/{adminId}/roles", new { roles = new[] { "Sales" } }), HttpStatusCode.BadRequest);
        Assert.NotNull(demote["errors"]!["roles"]);
        await ApiSession.ProblemAsync(await admin.Http.PostAsync($"/api/users/{adminId}/deactivate", null), HttpStatusCode.Conflict);

        var me = (await admin.GetJsonAsync("/api/users")).AsArray().Single()!;
        Assert.Equal(["Admin"], Roles(me));
        Assert.True(me["isActive"]!.GetValue<bool>());

        // Adding roles while keeping Admin is fine.
        await ApiSession.Expect(await admin.Http.PutAsJsonAsync($"/api/users/{adminId}/roles", new { roles = new[] { "Admin", "Sales" } }), HttpStatusCode.OK);
        Assert.Equal(["Admin", "Sales"], Roles(await (await ApiSession.LoginAsync(factory, admin.TenantSlug, admin.Email)).GetJsonAsync("/api/me")));
    }

    private static IEnumerable<string> Roles(JsonNode user) => user["roles"]!.AsArray().Select(r => r!.GetValue<string>()).Order();

    /// <summary>A second admin, who has just used their admin rights (so the check has cached them), demoted to Sales by the first.</summary>
    private async Task<(ApiSession Admin, ApiSession Other, Guid OtherId)> AdminDemotedByAnotherAsync()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var other = await admin.AddUserAsync(factory, "Admin");
        var otherId = await UserIdAsync(admin, other.Email);
        await ApiSession.Expect(await other.Http.GetAsync("/api/users"), HttpStatusCode.OK);
        await ApiSession.Expect(await admin.Http.PutAsJsonAsync($"/api/users/{otherId}/roles", new { roles = new[] { "Sales" } }), HttpStatusCode.OK);
        return (admin, other, otherId);
    }

    private static async Task<Guid> UserIdAsync(ApiSession admin, string email) =>
        Guid.Parse((await admin.GetJsonAsync("/api/users")).AsArray().Single(u => u!["email"]!.GetValue<string>() == email)!["id"]!.GetValue<string>());

    private static async Task<JsonObject?> RefreshAsync(HttpClient http, string refreshToken, HttpStatusCode expected)
    {
        var response = await http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken });
        await ApiSession.Expect(response, expected);
        return expected == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonObject>() : null;
    }
}

public sealed class SqliteAuthFlowTests(SqliteApiFactory factory) : AuthFlowTests<SqliteApiFactory>(factory);

public sealed class PostgresAuthFlowTests(PostgresApiFactory factory) : AuthFlowTests<PostgresApiFactory>(factory);
