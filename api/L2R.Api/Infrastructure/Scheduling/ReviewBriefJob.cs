using L2R.Api.Features.Reviews.PrepareDueBriefs;
using Mediator;
using Quartz;

namespace L2R.Api.Infrastructure.Scheduling;

/// <summary>
/// Generates each tenant's review brief once it falls due (the day before the meeting, in the tenant's time zone);
/// one instance of the cluster runs each firing, and a brief already made since it fell due is not made again.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ReviewBriefJob(EveryTenant tenants, ILogger<ReviewBriefJob> logger) : IJob
{
    public static readonly JobKey Key = new("review-brief", "l2r");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await tenants.RunAsync("The review brief", async (services, tenantId, ct) =>
        {
            var result = await services.GetRequiredService<IMediator>().Send(new PrepareDueBriefsCommand(), ct);
            if (result.ReviewId is { } review)
            {
                logger.LogInformation("Review brief {Version} of review {Review} generated for tenant {Tenant}", result.BriefVersion, review, tenantId);
            }
        }, cancellationToken);
}
