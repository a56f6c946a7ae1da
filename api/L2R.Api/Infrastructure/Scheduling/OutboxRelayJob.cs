using L2R.Api.Infrastructure.Outbox;
using Quartz;

namespace L2R.Api.Infrastructure.Scheduling;

/// <summary>
/// One pass of the outbox relay every <c>Webhooks:RelayIntervalMilliseconds</c>, on one instance of the cluster at a
/// time; the relay's own claims would make overlapping passes safe, the scheduler saves them the work.
/// </summary>
[DisallowConcurrentExecution]
public sealed class OutboxRelayJob(OutboxRelay relay) : IJob
{
    public static readonly JobKey Key = new("outbox-relay", "l2r");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await relay.RunOnceAsync(cancellationToken);
}

/// <summary>Removes events, deliveries and idempotency records past their retention, hourly, once across the cluster.</summary>
[DisallowConcurrentExecution]
public sealed class OutboxPurgeJob(OutboxRelay relay) : IJob
{
    public static readonly JobKey Key = new("outbox-purge", "l2r");

    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await relay.PurgeAsync(cancellationToken);
}
