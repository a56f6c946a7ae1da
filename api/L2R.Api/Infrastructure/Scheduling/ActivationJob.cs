using System.Globalization;
using L2R.Api.Features.Agreements.RunActivation;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Tenancy;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace L2R.Api.Infrastructure.Scheduling;

/// <summary>
/// Runs one activation's re-scoring. There is one job per tenant and one trigger per activation, so a tenant's
/// activations run one at a time across the cluster; the job asks for recovery, so if the instance running it dies,
/// another runs it again, and <see cref="RunActivationCommand"/> simply continues with the leads still below the version.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ActivationJob(ITenantScopes tenantScopes, ILogger<ActivationJob> logger) : IJob
{
    public const string TenantIdKey = "tenantId";
    public const string ActivationIdKey = "activationId";

    public static JobKey KeyFor(Guid tenantId) => new(tenantId.ToString(), "activation");

    public static TriggerKey TriggerFor(Guid activationId) => new(activationId.ToString(), "activation");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var tenantId = Guid.Parse((string)context.MergedJobDataMap[TenantIdKey]!, CultureInfo.InvariantCulture);
        var activationId = Guid.Parse((string)context.MergedJobDataMap[ActivationIdKey]!, CultureInfo.InvariantCulture);
        var started = DateTime.UtcNow;
        try
        {
            await using var scope = tenantScopes.Open(tenantId);
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RunActivationCommand(activationId), cancellationToken);
            logger.LogInformation("Activation {Activation} of tenant {Tenant} finished in {Seconds:0.0} s", activationId, tenantId, (DateTime.UtcNow - started).TotalSeconds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Activation {Activation} of tenant {Tenant} failed", activationId, tenantId);
            await MarkFailedAsync(tenantId, activationId, cancellationToken);
        }

        BulkWorkMemory.GiveBack();
    }

    private async Task MarkFailedAsync(Guid tenantId, Guid activationId, CancellationToken ct)
    {
        await using var scope = tenantScopes.Open(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<L2RDbContext>();
        await db.AgreementActivations.Where(a => a.Id == activationId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ActivationStatus.Failed).SetProperty(a => a.Error, "The re-scoring stopped on an error; it resumes when an instance of the service starts."), ct);
    }
}
