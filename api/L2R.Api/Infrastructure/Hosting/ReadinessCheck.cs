using L2R.Api.Infrastructure.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace L2R.Api.Infrastructure.Hosting;

/// <summary>Ready once migrations (and the demo seed) are done and the database answers.</summary>
public sealed class ReadinessCheck(DatabaseInitializer initializer, L2RDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!initializer.IsReady)
        {
            return HealthCheckResult.Unhealthy("The database is still being prepared.");
        }

        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
    }
}
