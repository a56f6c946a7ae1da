using L2R.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Infrastructure.Tenancy;

/// <summary>Scopes for background work, which has no token to take a tenant from.</summary>
public static class TenantScopes
{
    public static IServiceScope CreateTenantScope(this IServiceProvider services, Guid tenantId)
    {
        var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(tenantId);
        return scope;
    }

    public static async Task<IReadOnlyList<Guid>> AllTenantIdsAsync(this IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<L2RDbContext>().Tenants.Select(t => t.Id).ToListAsync(ct);
    }
}
