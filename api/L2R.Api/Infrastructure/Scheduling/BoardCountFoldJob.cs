using L2R.Api.Infrastructure.Data;
using Quartz;

namespace L2R.Api.Infrastructure.Scheduling;

/// <summary>
/// Folds each tenant's board count changes into its stage counters every <c>BoardCounts:FoldIntervalSeconds</c>, on one
/// instance of the cluster at a time, so the unfiltered board sums a few counters and a short tail of changes.
/// </summary>
[DisallowConcurrentExecution]
public sealed class BoardCountFoldJob(EveryTenant everyTenant) : IJob
{
    public static readonly JobKey Key = new("board-count-fold", "l2r");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await everyTenant.RunAsync("Folding the board counts", async (services, _, ct) =>
        {
            var db = services.GetRequiredService<L2RDbContext>();
            int folded;
            do
            {
                folded = await BoardCounts.FoldAsync(db, ct);
            }
            while (folded == BoardCounts.FoldBatch);
        }, cancellationToken);
}
