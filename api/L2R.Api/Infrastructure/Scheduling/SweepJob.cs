using L2R.Api.Features.Leads.SweepLeads;
using Mediator;
using Quartz;

namespace L2R.Api.Infrastructure.Scheduling;

/// <summary>Re-checks every tenant's open leads for decay and time-based criteria; one instance of the cluster runs each firing.</summary>
[DisallowConcurrentExecution]
public sealed class SweepJob(EveryTenant tenants, ILogger<SweepJob> logger) : IJob
{
    public static readonly JobKey Key = new("sweep", "l2r");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) => await SweepAsync(cancellationToken);

    /// <summary>Sweeps every tenant; returns those whose sweep failed, which did not stop the others.</summary>
    public Task<IReadOnlyList<Guid>> SweepAsync(CancellationToken ct) =>
        tenants.RunAsync("The lead sweep", async (services, tenantId, token) =>
        {
            var result = await services.GetRequiredService<IMediator>().Send(new SweepLeadsCommand(), token);
            logger.LogInformation("Swept {Leads} leads of tenant {Tenant}: {Moves} automatic moves, {Skipped} left to a concurrent write", result.LeadsChecked, tenantId, result.Moves, result.Skipped);
        }, ct);
}
