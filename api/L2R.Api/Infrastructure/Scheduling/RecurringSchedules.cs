using L2R.Api.Infrastructure.Hosting;
using L2R.Api.Infrastructure.Outbox;
using Microsoft.Extensions.Options;
using Quartz;

namespace L2R.Api.Infrastructure.Scheduling;

/// <summary>
/// At start, makes the shared job store's recurring triggers match this instance's options (an interval of 0 removes
/// the trigger, which turns the work off for the whole cluster: the instance started last decides), then schedules
/// again any activation or import an earlier process left unfinished.
/// </summary>
public sealed class RecurringSchedules(ISchedulerFactory schedulers, IOptions<SweepOptions> sweep, IOptions<SlaOptions> sla, IOptions<ReviewOptions> reviews, IOptions<WebhookOptions> webhooks, IOptions<BoardCountOptions> boardCounts, ActivationScheduler activations, ImportScheduler imports) : IHostedService
{
    public static readonly TriggerKey SweepTrigger = new("sweep", "l2r");
    public static readonly TriggerKey SlaCheckTrigger = new("sla-check", "l2r");
    public static readonly TriggerKey ReviewBriefTrigger = new("review-brief", "l2r");
    public static readonly TriggerKey OutboxRelayTrigger = new("outbox-relay", "l2r");
    public static readonly TriggerKey OutboxPurgeTrigger = new("outbox-purge", "l2r");
    public static readonly TriggerKey BoardCountFoldTrigger = new("board-count-fold", "l2r");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await EveryAsync(scheduler, SweepJob.Key, SweepTrigger, TimeSpan.FromMinutes(sweep.Value.IntervalMinutes), cancellationToken);
        await EveryAsync(scheduler, SlaCheckJob.Key, SlaCheckTrigger, TimeSpan.FromSeconds(sla.Value.CheckIntervalSeconds), cancellationToken);
        await EveryAsync(scheduler, ReviewBriefJob.Key, ReviewBriefTrigger, TimeSpan.FromMinutes(reviews.Value.BriefCheckMinutes), cancellationToken);
        var relay = TimeSpan.FromMilliseconds(webhooks.Value.RelayIntervalMilliseconds);
        await EveryAsync(scheduler, OutboxRelayJob.Key, OutboxRelayTrigger, relay, cancellationToken);
        await EveryAsync(scheduler, OutboxPurgeJob.Key, OutboxPurgeTrigger, relay > TimeSpan.Zero ? OutboxPurgeJob.Interval : TimeSpan.Zero, cancellationToken);
        await EveryAsync(scheduler, BoardCountFoldJob.Key, BoardCountFoldTrigger, TimeSpan.FromSeconds(boardCounts.Value.FoldIntervalSeconds), cancellationToken);
        await activations.ResumeUnfinishedAsync(cancellationToken);
        await imports.ResumeUnfinishedAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task EveryAsync(IScheduler scheduler, JobKey job, TriggerKey key, TimeSpan interval, CancellationToken ct)
    {
        if (interval <= TimeSpan.Zero)
        {
            await scheduler.UnscheduleJob(key, ct);
            return;
        }

        // The first firing waits one interval, as a timer would; a firing missed while no instance ran is made once, not caught up.
        var trigger = TriggerBuilder.Create()
            .WithIdentity(key)
            .ForJob(job)
            .StartAt(DateTimeOffset.UtcNow + interval)
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount))
            .Build();
        await scheduler.ScheduleTrigger(trigger, TriggerConflict.Replace, ct);
    }
}
