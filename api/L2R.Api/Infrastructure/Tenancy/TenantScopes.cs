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

    /// <summary>
    /// One read across tenants, before the code knows which tenant it works for (docs/decisions/0014 lists every use):
    /// in a scope of its own that belongs to no tenant and that the database's row-level security lets read every
    /// tenant's rows, never write them. Tenant-owned sets still need <c>IgnoreQueryFilters</c> to look past the EF filter.
    /// </summary>
    Task<T> ReadAcrossTenantsAsync<T>(Func<L2RDbContext, Task<T>> read);
}

public sealed class TenantScopes(IServiceScopeFactory scopes) : ITenantScopes
{
    public AsyncServiceScope Open(Guid tenantId)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().FixTenant(tenantId);
        return scope;
    }

    public Task<IReadOnlyList<Guid>> AllTenantIdsAsync(CancellationToken ct) =>
        ReadAcrossTenantsAsync<IReadOnlyList<Guid>>(async db => await db.Tenants.OrderBy(t => t.Id).Select(t => t.Id).ToListAsync(ct));

    public async Task<T> ReadAcrossTenantsAsync<T>(Func<L2RDbContext, Task<T>> read)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().ReadAcrossTenants();
        return await read(scope.ServiceProvider.GetRequiredService<L2RDbContext>());
    }
}
