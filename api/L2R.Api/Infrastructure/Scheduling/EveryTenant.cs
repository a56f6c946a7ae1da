using L2R.Api.Infrastructure.Tenancy;

namespace L2R.Api.Infrastructure.Scheduling;

/// <summary>Runs one piece of background work in each tenant's own scope, so a tenant whose work fails costs only itself.</summary>
public sealed class EveryTenant(ITenantScopes tenantScopes, ILogger<EveryTenant> logger)
{
    /// <summary>Returns the tenants whose work failed; each failure is logged and the next tenant still runs.</summary>
    public async Task<IReadOnlyList<Guid>> RunAsync(string work, Func<IServiceProvider, Guid, CancellationToken, Task> perTenant, CancellationToken ct)
    {
        var failed = new List<Guid>();
        foreach (var tenantId in await tenantScopes.AllTenantIdsAsync(ct))
        {
            try
            {
                await using var scope = tenantScopes.Open(tenantId);
                await perTenant(scope.ServiceProvider, tenantId, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "{Work} failed for tenant {Tenant}; the other tenants go on", work, tenantId);
                failed.Add(tenantId);
            }
        }

        return failed;
    }
}
