using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using L2R.Api.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace L2R.Api.Infrastructure.Web;

/// <summary>
/// Request limits per tenant and per API client, a stricter one per address on anonymous sign-in and sign-up, and the
/// throttle on repeated failed passwords. They are counted in each instance's memory, so with N instances a caller
/// may get up to N times the figures; a shared store (Redis) would make them cluster-wide.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Off for the benchmark and for tests other than the rate-limit tests.</summary>
    public bool Enabled { get; set; } = true;

    [Range(1, 1_000_000, ErrorMessage = "RateLimits:TenantPerMinute must be between 1 and 1000000.")]
    public int TenantPerMinute { get; set; } = 3000;

    [Range(1, 1_000_000, ErrorMessage = "RateLimits:ClientPerMinute must be between 1 and 1000000.")]
    public int ClientPerMinute { get; set; } = 600;

    [Range(1, 10_000, ErrorMessage = "RateLimits:AnonymousPerMinute must be between 1 and 10000.")]
    public int AnonymousPerMinute { get; set; } = 20;

    [Range(1, 100, ErrorMessage = "RateLimits:FailedPasswordsBeforeThrottle must be between 1 and 100.")]
    public int FailedPasswordsBeforeThrottle { get; set; } = 5;

    [Range(1, 1440, ErrorMessage = "RateLimits:FailedPasswordWindowMinutes must be between 1 and 1440.")]
    public int FailedPasswordWindowMinutes { get; set; } = 15;
}

public static class RateLimits
{
    public const string AnonymousPolicy = "anonymous";

    public static IServiceCollection AddL2RRateLimits(this IServiceCollection services)
    {
        services.AddSingleton<PasswordThrottle>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((options, limits) =>
        {
            var settings = limits.Value;
            options.OnRejected = RejectAsync;
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => PerMinute(settings.Enabled ? TenantOf(context) : null, settings.TenantPerMinute)),
                PartitionedRateLimiter.Create<HttpContext, string>(context => PerMinute(settings.Enabled ? ClientOf(context) : null, settings.ClientPerMinute)));
            options.AddPolicy(AnonymousPolicy, context =>
                PerMinute(settings.Enabled ? "ip:" + context.Connection.RemoteIpAddress : null, settings.AnonymousPerMinute));
        });
        return services;
    }

    /// <summary>A fixed window per partition; a null partition (limits off, or no tenant or client) is not limited.</summary>
    private static RateLimitPartition<string> PerMinute(string? partition, int permits) =>
        partition is null
            ? RateLimitPartition.GetNoLimiter("none")
            : RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });

    private static string? TenantOf(HttpContext context) => context.User.FindFirst(L2RClaims.TenantId)?.Value is { } tenant ? "tenant:" + tenant : null;

    private static string? ClientOf(HttpContext context) =>
        L2RClaims.IsClient(context.User) ? "client:" + context.User.FindFirst(L2RClaims.UserId)?.Value : null;

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        await TooManyAsync(rejected.HttpContext, retryAfter, "Too many requests; slow down and retry after the time given.");
    }

    /// <summary>429 with Retry-After and the IETF RateLimit header (remaining 0, resets when the wait is over), as a ProblemDetails.</summary>
    public static async Task TooManyAsync(HttpContext context, TimeSpan retryAfter, string detail)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds;
        context.Response.Headers["RateLimit"] = $"\"default\";r=0;t={seconds}";
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Type = ProblemDetailsExceptionHandler.TypeBase + "too-many-requests",
                Title = "Too many requests",
                Detail = detail,
            },
        });
    }
}

/// <summary>Refused because of too many requests or failed passwords; <see cref="RetryAfter"/> says when to try again.</summary>
public sealed class TooManyRequestsException(string message, TimeSpan retryAfter) : AppException(message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>
/// Failed passwords are counted per tenant, email and client address, whether or not the account exists (so the answer
/// reveals nothing). From the <c>FailedPasswordsBeforeThrottle</c>th failure within the window, sign-in for that key is
/// refused with 429 for a wait that doubles with each further failure, from one minute up to the window: never a
/// permanent lock, and the account's owner signing in from elsewhere is not affected.
/// </summary>
public sealed class PasswordThrottle(IMemoryCache cache, IOptions<RateLimitOptions> options, TimeProvider clock)
{
    private readonly Lock _gate = new();

    public void ThrowIfThrottled(string tenant, string email, IPAddress? address)
    {
        if (options.Value.Enabled && cache.TryGetValue(Key(tenant, email, address), out Failures? failures) && failures!.LockedUntil > clock.GetUtcNow())
        {
            throw new TooManyRequestsException("Too many failed sign-ins; wait before trying again.", failures.LockedUntil - clock.GetUtcNow());
        }
    }

    public void Failed(string tenant, string email, IPAddress? address)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var window = TimeSpan.FromMinutes(settings.FailedPasswordWindowMinutes);
        var key = Key(tenant, email, address);
        lock (_gate)
        {
            var count = (cache.TryGetValue(key, out Failures? failures) ? failures!.Count : 0) + 1;
            var excess = count - settings.FailedPasswordsBeforeThrottle;
            var wait = excess < 0 ? TimeSpan.Zero : TimeSpan.FromMinutes(Math.Min(Math.Pow(2, excess), window.TotalMinutes));
            cache.Set(key, new Failures(count, now + wait), window);
        }
    }

    public void Succeeded(string tenant, string email, IPAddress? address) => cache.Remove(Key(tenant, email, address));

    private static (string, string, string, string?) Key(string tenant, string email, IPAddress? address) => ("password-failures", tenant, email, address?.ToString());

    private sealed record Failures(int Count, DateTimeOffset LockedUntil);
}
