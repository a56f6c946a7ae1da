using System.Net;
using L2R.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace L2R.Api.Tests;

/// <summary>The limits on, with small figures: 429 with Retry-After and RateLimit headers; repeated bad passwords throttle a while, never for good.</summary>
public abstract class RateLimitTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : L2RApiFactory
{
    [Fact]
    public async Task AnApiClientOverItsLimit_Gets429WithRetryAfterAndRateLimit()
    {
        using var limited = With(("RateLimits:ClientPerMinute", "3"));
        var admin = await ApiSession.SignUpAsync(limited);
        var client = await ApiClientSession.CreateAsync(limited, admin, "Busy", "leads:read");

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 4; i++)
        {
            last = await client.Http.GetAsync("/api/leads");
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        await ApiSession.ProblemAsync(last, HttpStatusCode.TooManyRequests);
        Assert.True(last.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.StartsWith("\"default\";r=0;t=", last.Headers.GetValues("RateLimit").Single());
        await ApiSession.Expect(await admin.Http.GetAsync("/api/leads"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task AnonymousSignInsFromOneAddress_AreLimited()
    {
        using var limited = With(("RateLimits:AnonymousPerMinute", "2"));
        var http = limited.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await http.PostAsJsonAsync("/api/auth/login", new { tenant = "nobody", email = "a@b.example", password = "wrong-password-123" })).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task RepeatedBadPasswords_ThrottleTheAccountForAWhile_WhetherOrNotItExists()
    {
        using var limited = With(("RateLimits:FailedPasswordsBeforeThrottle", "3"));
        var admin = await ApiSession.SignUpAsync(limited);
        var http = limited.CreateClient();
        using var travel = factory.Clock.TravelTo(DateTimeOffset.UtcNow);

        var real = await FailAsync(http, admin.TenantSlug, admin.Email, 4);
        var ghost = await FailAsync(http, admin.TenantSlug, "nobody@nowhere.example", 4);
        var rightPasswordMeanwhile = await SignInAsync(http, admin.TenantSlug, admin.Email, ApiSession.Password);
        travel.Now += TimeSpan.FromMinutes(3);
        var rightPasswordLater = await SignInAsync(http, admin.TenantSlug, admin.Email, ApiSession.Password);

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], real);
        Assert.Equal(real, ghost);
        await ApiSession.ProblemAsync(rightPasswordMeanwhile, HttpStatusCode.TooManyRequests);
        Assert.True(rightPasswordMeanwhile.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        await ApiSession.Expect(rightPasswordLater, HttpStatusCode.OK);
    }

    private WebApplicationFactory<Program> With(params (string Key, string Value)[] settings) =>
        factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("RateLimits:Enabled", "true");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        });

    private static async Task<List<HttpStatusCode>> FailAsync(HttpClient http, string tenant, string email, int times)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < times; i++)
        {
            statuses.Add((await SignInAsync(http, tenant, email, "not-the-password-42")).StatusCode);
        }

        return statuses;
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient http, string tenant, string email, string password) =>
        http.PostAsJsonAsync("/api/auth/login", new { tenant, email, password });
}

public sealed class SqliteRateLimitTests(SqliteApiFactory factory) : RateLimitTests<SqliteApiFactory>(factory);

public sealed class PostgresRateLimitTests(PostgresApiFactory factory) : RateLimitTests<PostgresApiFactory>(factory);
