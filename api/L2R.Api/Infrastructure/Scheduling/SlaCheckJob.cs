using L2R.Api.Features.Slas.CheckSlaClocks;
using Mediator;
using Quartz;

namespace L2R.Api.Infrastructure.Scheduling;

/// <summary>Records the SLA warnings and breaches that have fallen due, in every tenant; one instance of the cluster runs each firing.</summary>
[DisallowConcurrentExecution]
public sealed class SlaCheckJob(EveryTenant tenants, ILogger<SlaCheckJob> logger) : IJob
{
    public static readonly JobKey Key = new("sla-check", "l2r");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await tenants.RunAsync("The SLA check", async (services, tenantId, ct) =>
        {
            var result = await services.GetRequiredService<IMediator>().Send(new CheckSlaClocksCommand(), ct);
            if (result.Warned + result.Breached > 0)
            {
                logger.LogInformation("SLA check of tenant {Tenant}: {Warned} warned, {Breached} breached", tenantId, result.Warned, result.Breached);
            }
        }, cancellationToken);
}
