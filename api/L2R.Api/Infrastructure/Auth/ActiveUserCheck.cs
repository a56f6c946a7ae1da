using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Infrastructure.Auth;

/// <summary>
/// A well-signed token still has to name an active user of its tenant: deactivation takes effect at once, and a token
/// for a tenant or user that no longer exists is a 401, never a half-working session.
/// </summary>
public static class ActiveUserCheck
{
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
        services.GetRequiredService<TenantContext>().Use(tenantId);
        var active = await services.GetRequiredService<L2RDbContext>().Users.AsNoTracking()
            .AnyAsync(u => u.Id == userId && u.IsActive, context.HttpContext.RequestAborted);
        if (!active)
        {
            context.Fail("The user is not active in this tenant.");
        }
    }
}
