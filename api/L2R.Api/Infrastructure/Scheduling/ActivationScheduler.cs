using L2R.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace L2R.Api.Infrastructure.Scheduling;

/// <summary>Puts an activation's re-scoring into the shared job store, where exactly one instance will run it.</summary>
public sealed class ActivationScheduler(ISchedulerFactory schedulers, EveryTenant tenants)
{
    /// <summary>Called after the activation's row is committed, so whichever instance runs it finds the row.</summary>
    public async Task ScheduleAsync(Guid tenantId, Guid activationId, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var job = JobBuilder.Create<ActivationJob>()
            .WithIdentity(ActivationJob.KeyFor(tenantId))
            .RequestRecovery()
            .StoreDurably()
            .Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(ActivationJob.TriggerFor(activationId))
            .ForJob(job)
            .UsingJobData(ActivationJob.TenantIdKey, tenantId.ToString())
            .UsingJobData(ActivationJob.ActivationIdKey, activationId.ToString())
            .StartNow()
            .Build();

        // Keep: an activation already waiting (scheduled by another instance's start-up) is not scheduled twice.
        await scheduler.AddJob(job, AddJobOptions.Replacing, ct);
        await scheduler.ScheduleTrigger(trigger, TriggerConflict.Keep, ct);
    }

    /// <summary>
    /// At start: an activation left unfinished (its instance stopped between commit and scheduling, or it failed) is
    /// scheduled again; one still waiting in the store is left as it is.
    /// </summary>
    public Task ResumeUnfinishedAsync(CancellationToken ct) =>
        tenants.RunAsync("Resuming activations", async (services, tenantId, token) =>
        {
            var unfinished = await services.GetRequiredService<L2RDbContext>().AgreementActivations
                .Where(a => a.Status != ActivationStatus.Completed).Select(a => a.Id).ToListAsync(token);
            foreach (var activationId in unfinished)
            {
                await ScheduleAsync(tenantId, activationId, token);
            }
        }, ct);
}
