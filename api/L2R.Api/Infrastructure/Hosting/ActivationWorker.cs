using System.Threading.Channels;
using L2R.Api.Features.Agreements.RunActivation;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Tenancy;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Infrastructure.Hosting;

/// <summary>Activations waiting for the worker; filled by the activate command after its transaction commits.</summary>
public sealed class ActivationQueue
{
    private readonly Channel<(Guid TenantId, Guid ActivationId)> _channel = Channel.CreateUnbounded<(Guid, Guid)>();

    public void Enqueue(Guid tenantId, Guid activationId) => _channel.Writer.TryWrite((tenantId, activationId));

    public IAsyncEnumerable<(Guid TenantId, Guid ActivationId)> ReadAllAsync(CancellationToken ct) => _channel.Reader.ReadAllAsync(ct);
}

/// <summary>Runs activations one at a time; at start it resumes any an earlier process left running.</summary>
public sealed class ActivationWorker(ITenantScopes tenantScopes, ActivationQueue queue, DatabaseInitializer initializer, ILogger<ActivationWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!initializer.IsReady)
        {
            await Task.Delay(200, stoppingToken);
        }

        await ResumeUnfinishedAsync(stoppingToken);
        await foreach (var (tenantId, activationId) in queue.ReadAllAsync(stoppingToken))
        {
            await RunAsync(tenantId, activationId, stoppingToken);
        }
    }

    private async Task ResumeUnfinishedAsync(CancellationToken ct)
    {
        foreach (var tenantId in await tenantScopes.AllTenantIdsAsync(ct))
        {
            await using var scope = tenantScopes.Open(tenantId);
            var running = await scope.ServiceProvider.GetRequiredService<L2RDbContext>().AgreementActivations
                .Where(a => a.Status != ActivationStatus.Completed).Select(a => a.Id).ToListAsync(ct);
            foreach (var activationId in running)
            {
                queue.Enqueue(tenantId, activationId);
            }
        }
    }

    private async Task RunAsync(Guid tenantId, Guid activationId, CancellationToken ct)
    {
        await using var scope = tenantScopes.Open(tenantId);
        var started = DateTime.UtcNow;
        try
        {
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RunActivationCommand(activationId), ct);
            logger.LogInformation("Activation {Activation} of tenant {Tenant} finished in {Seconds:0.0} s", activationId, tenantId, (DateTime.UtcNow - started).TotalSeconds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Activation {Activation} of tenant {Tenant} failed", activationId, tenantId);
            await MarkFailedAsync(tenantId, activationId, ct);
        }
    }

    private async Task MarkFailedAsync(Guid tenantId, Guid activationId, CancellationToken ct)
    {
        await using var scope = tenantScopes.Open(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<L2RDbContext>();
        await db.AgreementActivations.Where(a => a.Id == activationId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ActivationStatus.Failed).SetProperty(a => a.Error, "The re-scoring stopped on an error; it resumes when the service restarts."), ct);
    }
}
