using L2R.Api.Features.Slas.GetQueue;
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
    }

    private static async Task<Ok<IReadOnlyList<QueueItemDto>>> GetQueue(IMediator mediator, CancellationToken ct, int take = 50) =>
        TypedResults.Ok(await mediator.Send(new GetQueueQuery(take), ct));
}
