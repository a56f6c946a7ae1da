using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Infrastructure.Tenancy;

/// <summary>
/// The one way to work in a tenant without a token naming it: sign-in (and checking a token's user), sign-up,
/// background work and the demo seeder. A request's own scope keeps the tenant of its token; this opens a new scope.
/// </summary>
public interface ITenantScopes
{
    /// <summary>A new scope whose tenant is fixed to <paramref name="tenantId"/>, acting as no user.</summary>
    AsyncServiceScope Open(Guid tenantId);

    /// <summary>For background work that visits every tenant, always in the same order.</summary>
    Task<IReadOnlyList<Guid>> AllTenantIdsAsync(CancellationToken ct);
}

public sealed class TenantScopes(IServiceScopeFactory scopes) : ITenantScopes
{
    public AsyncServiceScope Open(Guid tenantId)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().FixTenant(tenantId);
        return scope;
    }

    public async Task<IReadOnlyList<Guid>> AllTenantIdsAsync(CancellationToken ct)
    {
        // The tenants table belongs to no tenant, so a scope without one can list it.
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<L2RDbContext>().Tenants.OrderBy(t => t.Id).Select(t => t.Id).ToListAsync(ct);
    }
}
