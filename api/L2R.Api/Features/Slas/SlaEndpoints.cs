using L2R.Api.Features.Slas.GetQueue;
using L2R.Api.Features.Slas.GetSlaMetrics;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace L2R.Api.Features.Slas;

public static class SlaEndpoints
{
    public static void MapSlas(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/queue", GetQueue).WithTags("Follow-up").RequireAuthorization().WithName("GetQueue")
            .WithSummary("My queue: your open leads, the first SLA to fall due at the top.")
            .ProducesValidationProblem();
        app.MapGet("/api/metrics/sla", GetSlaMetrics).WithTags("Follow-up").RequireAuthorization().WithName("GetSlaMetrics")
            .WithSummary("SLA compliance of the clocks started in [from, to) (default: the last 30 days): met on time, late, breached, hours to meet, by term, owner and source.")
            .ProducesValidationProblem();
    }

    private static async Task<Ok<SlaMetricsDto>> GetSlaMetrics(IMediator mediator, TimeProvider clock, CancellationToken ct, DateTime? from = null, DateTime? to = null)
    {
        var end = to ?? clock.GetUtcNow().UtcDateTime;
        return TypedResults.Ok(await mediator.Send(new GetSlaMetricsQuery(from ?? end.AddDays(-30), end), ct));
    }

    private static async Task<Ok<IReadOnlyList<QueueItemDto>>> GetQueue(IMediator mediator, CancellationToken ct, int take = 50) =>
        TypedResults.Ok(await mediator.Send(new GetQueueQuery(take), ct));
}
