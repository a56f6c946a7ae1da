using L2R.Api.Features.Leads.SweepLeads;
using L2R.Api.Infrastructure.Tenancy;
using Mediator;
using Microsoft.Extensions.Options;

namespace L2R.Api.Infrastructure.Hosting;

/// <summary>Periodically re-checks every tenant's open leads for decay and time-based criteria (<c>Sweep:IntervalMinutes</c>, 0 turns it off).</summary>
public sealed class LeadSweeper(ITenantScopes tenantScopes, IOptions<SweepOptions> options, DatabaseInitializer initializer, ILogger<LeadSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = options.Value.IntervalMinutes;
        if (minutes <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!initializer.IsReady)
            {
                continue;
            }

            try
            {
                await SweepAllTenantsAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The lead sweep failed; it will run again at the next interval");
            }
        }
    }

    private async Task SweepAllTenantsAsync(CancellationToken ct)
    {
        foreach (var tenantId in await tenantScopes.AllTenantIdsAsync(ct))
        {
            await using var scope = tenantScopes.Open(tenantId);
            var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SweepLeadsCommand(), ct);
            logger.LogInformation("Swept {Leads} leads of tenant {Tenant}: {Moves} automatic moves", result.LeadsChecked, tenantId, result.Moves);
        }
    }
}
