using System.Globalization;
using L2R.Api.Features.Imports;
using L2R.Api.Features.Imports.RunImport;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Tenancy;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace L2R.Api.Infrastructure.Scheduling;

/// <summary>
/// Runs one import's pass. One job per tenant and one trigger per run, so a tenant's imports run one at a time across
/// the cluster. The run is taken with its lease (<see cref="ImportRun.ClaimedBy"/>, renewed by every batch), which a
/// batch checks before it commits; when the instance running it dies, the job store's recovery runs it again on another
/// instance, which takes the lease over and resumes after the last committed batch.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ImportJob(ITenantScopes tenantScopes, IOptions<ImportOptions> options, TimeProvider clock, ILogger<ImportJob> logger) : IJob
{
    public const string TenantIdKey = "tenantId";
    public const string RunIdKey = "runId";

    public static JobKey KeyFor(Guid tenantId) => new(tenantId.ToString(), "import");

    public static TriggerKey TriggerFor(Guid runId) => new(runId.ToString(), "import");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var tenantId = Guid.Parse((string)context.MergedJobDataMap[TenantIdKey]!, CultureInfo.InvariantCulture);
        var runId = Guid.Parse((string)context.MergedJobDataMap[RunIdKey]!, CultureInfo.InvariantCulture);
        // One lease holder per execution: an instance id alone is the same for every process on SQLite (Quartz does not
        // cluster there) and for two hosts in one process, and a recovered run must tell the old pass from the new.
        var instance = $"{context.Scheduler.SchedulerInstanceId}/{Guid.NewGuid():N}";

        await using var scope = tenantScopes.Open(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<L2RDbContext>();
        var started = clock.GetUtcNow().UtcDateTime;
        var stale = started - TimeSpan.FromSeconds(options.Value.LeaseSeconds);
        var takeOver = context.Recovering;
        var claimed = await db.ImportRuns
            .Where(r => r.Id == runId && (r.Status == ImportStatus.Queued || r.Status == ImportStatus.Running)
                && (takeOver || r.ClaimedBy == null || r.ClaimedBy == instance || r.HeartbeatAt < stale))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClaimedBy, instance).SetProperty(r => r.HeartbeatAt, started), cancellationToken);
        if (claimed == 0)
        {
            return;
        }

        try
        {
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RunImportCommand(runId, instance), cancellationToken);
            logger.LogInformation("Import {Run} of tenant {Tenant} ended its pass in {Seconds:0.0} s", runId, tenantId, (clock.GetUtcNow().UtcDateTime - started).TotalSeconds);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: give the lease back, so the next instance to start resumes the run at once.
            await db.ImportRuns.Where(r => r.Id == runId && r.ClaimedBy == instance)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClaimedBy, (string?)null), CancellationToken.None);
            throw;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Import {Run} of tenant {Tenant} failed", runId, tenantId);
            await db.ImportRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(
                s => s.SetProperty(r => r.Status, ImportStatus.Failed)
                    .SetProperty(r => r.ClaimedBy, (string?)null)
                    .SetProperty(r => r.Error, "The import stopped on an unexpected error; start it again to continue after its last committed batch."),
                CancellationToken.None);
        }

        BulkWorkMemory.GiveBack();
    }
}
