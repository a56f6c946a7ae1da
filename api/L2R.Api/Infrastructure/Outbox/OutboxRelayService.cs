using L2R.Api.Infrastructure.Hosting;
using Microsoft.Extensions.Options;

namespace L2R.Api.Infrastructure.Outbox;

/// <summary>
/// Runs <see cref="OutboxRelay"/> every <c>Webhooks:RelayIntervalMilliseconds</c> (and the purge hourly). Kept apart
/// from the relay's work so the once-per-cluster scheduler can take over the timing when it lands; the relay's claims
/// already make running it on every instance safe.
/// </summary>
public sealed class OutboxRelayService(OutboxRelay relay, IOptions<WebhookOptions> options, DatabaseInitializer initializer, TimeProvider clock, ILogger<OutboxRelayService> logger)
    : BackgroundService
{
    private static readonly TimeSpan PurgeEvery = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.RelayIntervalMilliseconds;
        if (interval <= 0)
        {
            return;
        }

        var lastPurge = DateTimeOffset.MinValue;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(interval));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!initializer.IsReady)
            {
                continue;
            }

            try
            {
                await relay.RunOnceAsync(stoppingToken);
                if (clock.GetUtcNow() - lastPurge >= PurgeEvery)
                {
                    await relay.PurgeAsync(stoppingToken);
                    lastPurge = clock.GetUtcNow();
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The outbox relay failed; it will run again at the next interval");
            }
        }
    }
}
