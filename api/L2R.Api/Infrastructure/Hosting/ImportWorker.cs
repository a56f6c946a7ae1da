using System.Threading.Channels;
using L2R.Api.Features.Imports;
using L2R.Api.Features.Imports.RunImport;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Tenancy;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace L2R.Api.Infrastructure.Hosting;

/// <summary>Import runs waiting for this instance's worker; filled when a run is queued, after its transaction commits.</summary>
public sealed class ImportQueue
{
    private readonly Channel<(Guid TenantId, Guid RunId)> _channel = Channel.CreateUnbounded<(Guid, Guid)>();

    public void Enqueue(Guid tenantId, Guid runId) => _channel.Writer.TryWrite((tenantId, runId));

    public ChannelReader<(Guid TenantId, Guid RunId)> Reader => _channel.Reader;
}

/// <summary>
/// Runs imports one at a time, as the activation worker runs activations, until the once-per-cluster scheduler takes
/// this over. A run is taken only with its lease (<see cref="ImportRun.ClaimedBy"/>, renewed by every batch), so two
/// instances never run it at once; at start, and every lease period, it picks up queued runs and runs whose instance
/// stopped renewing (a restart, or another instance that died), which resume after their last committed batch.
/// </summary>
public sealed class ImportWorker(
    ITenantScopes tenantScopes, ImportQueue queue, DatabaseInitializer initializer, IOptions<ImportOptions> options, TimeProvider clock, ILogger<ImportWorker> logger)
    : BackgroundService
{
    /// <summary>This process, as it names itself in the leases it holds.</summary>
    public static readonly string Instance = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!initializer.IsReady)
        {
            await Task.Delay(200, stoppingToken);
        }

        var lease = TimeSpan.FromSeconds(options.Value.LeaseSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await EnqueueOrphansAsync(lease, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A busy or unreachable database must not stop the host: the next lease period looks again.
                logger.LogWarning(ex, "Looking for import runs to resume failed; trying again in {Seconds} s", lease.TotalSeconds);
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            wait.CancelAfter(lease);
            try
            {
                while (await queue.Reader.WaitToReadAsync(wait.Token))
                {
                    while (queue.Reader.TryRead(out var next))
                    {
                        await RunAsync(next.TenantId, next.RunId, lease, stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // A lease period without news: look for runs an instance gave up on.
            }
        }
    }

    private async Task EnqueueOrphansAsync(TimeSpan lease, CancellationToken ct)
    {
        var stale = clock.GetUtcNow().UtcDateTime - lease;
        foreach (var tenantId in await tenantScopes.AllTenantIdsAsync(ct))
        {
            await using var scope = tenantScopes.Open(tenantId);
            var db = scope.ServiceProvider.GetRequiredService<L2RDbContext>();
            var runs = await db.ImportRuns
                .Where(r => (r.Status == ImportStatus.Queued || r.Status == ImportStatus.Running) && (r.ClaimedBy == null || r.HeartbeatAt < stale))
                .Select(r => r.Id)
                .ToListAsync(ct);

            // An upload cut off by a crash never became a run: its chunks go once it is surely dead.
            await db.ImportRuns.Where(r => r.Status == ImportStatus.Uploading && r.CreatedAt < stale.AddDays(-1)).ExecuteDeleteAsync(ct);
            foreach (var runId in runs)
            {
                queue.Enqueue(tenantId, runId);
            }
        }
    }

    private async Task RunAsync(Guid tenantId, Guid runId, TimeSpan lease, CancellationToken ct)
    {
        await using var scope = tenantScopes.Open(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<L2RDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var stale = now - lease;
        var claimed = await db.ImportRuns
            .Where(r => r.Id == runId && (r.Status == ImportStatus.Queued || r.Status == ImportStatus.Running) && (r.ClaimedBy == null || r.ClaimedBy == Instance || r.HeartbeatAt < stale))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClaimedBy, Instance).SetProperty(r => r.HeartbeatAt, now), ct);
        if (claimed == 0)
        {
            return;
        }

        try
        {
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RunImportCommand(runId, Instance), ct);
            logger.LogInformation("Import {Run} of tenant {Tenant} ended its pass in {Seconds:0.0} s", runId, tenantId, (clock.GetUtcNow().UtcDateTime - now).TotalSeconds);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: give the lease back, so this instance (or another) resumes the run at once rather than after it lapses.
            await db.ImportRuns.Where(r => r.Id == runId && r.ClaimedBy == Instance)
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
                ct);
        }
    }
}
