using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace L2R.Api.Infrastructure.Auth;

/// <summary>
/// A well-signed token still has to name an active user of its tenant, so a token for a tenant or user that no
/// longer exists is a 401, never a half-working session. The answer is cached briefly (it is asked on every request);
/// deactivating a user evicts it, so on this instance deactivation takes effect at once, on others within <see cref="Lifetime"/>.
/// </summary>
public sealed class ActiveUserCheck(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly IMemoryCache _cache = cache;

    public static async Task RejectUnlessActiveAsync(TokenValidatedContext context)
    {
        var claims = context.Principal;
        if (!Guid.TryParse(claims?.FindFirst(L2RClaims.UserId)?.Value, out var userId)
            || !Guid.TryParse(claims?.FindFirst(L2RClaims.TenantId)?.Value, out var tenantId))
        {
            context.Fail("The token names no user or tenant.");
            return;
        }

        var services = context.HttpContext.RequestServices;
        var check = services.GetRequiredService<ActiveUserCheck>();
        var active = await check._cache.GetOrCreateAsync(Key(tenantId, userId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            services.GetRequiredService<TenantContext>().Use(tenantId);
            return await services.GetRequiredService<L2RDbContext>().Users.AsNoTracking()
                .AnyAsync(u => u.Id == userId && u.IsActive, context.HttpContext.RequestAborted);
        });
        if (!active)
        {
            context.Fail("The user is not active in this tenant.");
        }
    }

    public void Forget(Guid tenantId, Guid userId) => _cache.Remove(Key(tenantId, userId));

    private static (string, Guid, Guid) Key(Guid tenantId, Guid userId) => ("active-user", tenantId, userId);
}
