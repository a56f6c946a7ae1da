using L2R.Api.Features.Imports;
using L2R.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace L2R.Api.Infrastructure.Scheduling;

/// <summary>Puts an import's pass into the shared job store, where exactly one instance will run it.</summary>
public sealed class ImportScheduler(ISchedulerFactory schedulers, EveryTenant tenants, IOptions<ImportOptions> options, TimeProvider clock)
{
    /// <summary>Called after the run's row is committed, so whichever instance runs it finds the row.</summary>
    public async Task ScheduleAsync(Guid tenantId, Guid runId, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var job = JobBuilder.Create<ImportJob>()
            .WithIdentity(ImportJob.KeyFor(tenantId))
            .RequestRecovery()
            .StoreDurably()
            .Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(ImportJob.TriggerFor(runId))
            .ForJob(job)
            .UsingJobData(ImportJob.TenantIdKey, tenantId.ToString())
            .UsingJobData(ImportJob.RunIdKey, runId.ToString())
            .StartNow()
            .Build();

        // Keep: a pass already waiting (scheduled by another instance's start-up) is not scheduled twice.
        await scheduler.AddJob(job, AddJobOptions.Replacing, ct);
        await scheduler.ScheduleTrigger(trigger, TriggerConflict.Keep, ct);
    }

    /// <summary>
    /// At start: a run left queued or running without a live lease (its instance stopped) is scheduled again and resumes
    /// after its last committed batch; an upload cut off a day ago never became a run, and its chunks go.
    /// </summary>
    public Task ResumeUnfinishedAsync(CancellationToken ct) =>
        tenants.RunAsync("Resuming imports", async (services, tenantId, token) =>
        {
            var db = services.GetRequiredService<L2RDbContext>();
            var stale = clock.GetUtcNow().UtcDateTime - TimeSpan.FromSeconds(options.Value.LeaseSeconds);
            var unfinished = await db.ImportRuns
                .Where(r => (r.Status == ImportStatus.Queued || r.Status == ImportStatus.Running) && (r.ClaimedBy == null || r.HeartbeatAt < stale))
                .Select(r => r.Id)
                .ToListAsync(token);
            await db.ImportRuns.Where(r => r.Status == ImportStatus.Uploading && r.CreatedAt < stale.AddDays(-1)).ExecuteDeleteAsync(token);
            foreach (var runId in unfinished)
            {
                await ScheduleAsync(tenantId, runId, token);
            }
        }, ct);
}
