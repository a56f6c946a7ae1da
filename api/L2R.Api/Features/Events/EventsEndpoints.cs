using L2R.Api.Features.Events.ListEvents;
using L2R.Api.Infrastructure.Auth;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace L2R.Api.Features.Events;

public static class EventsEndpoints
{
    public static void MapEvents(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/events", ListEvents).WithTags("Events").RequireAuthorization().RequireScope(ApiScopes.LeadsRead)
            .WithName("ListEvents")
            .WithSummary("The event feed (the webhooks' payloads) after a position, oldest first; types is a comma-separated filter. Kept at least 30 days.");
    }

    private static async Task<Ok<EventPageDto>> ListEvents(IMediator mediator, CancellationToken ct, long after = 0, string? types = null, int limit = 100) =>
        TypedResults.Ok(await mediator.Send(
            new ListEventsQuery(after, types?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [], limit), ct));
}
