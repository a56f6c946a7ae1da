using L2R.Api.Features.Users;
using L2R.Api.Features.Webhooks.CreateWebhook;
using L2R.Api.Features.Webhooks.DeleteWebhook;
using L2R.Api.Features.Webhooks.GetWebhook;
using L2R.Api.Features.Webhooks.ListWebhookDeliveries;
using L2R.Api.Features.Webhooks.ListWebhooks;
using L2R.Api.Features.Webhooks.RedeliverWebhook;
using L2R.Api.Features.Webhooks.ReplayWebhook;
using L2R.Api.Features.Webhooks.SendTestWebhook;
using L2R.Api.Features.Webhooks.UpdateWebhook;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Outbox;
using L2R.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace L2R.Api.Features.Webhooks;

/// <summary>Webhook subscriptions and their deliveries: for admins, and for API clients with <c>webhooks:manage</c>.</summary>
public static class WebhooksEndpoints
{
    public static void MapWebhooks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/webhooks").WithTags("Webhooks").RequireAuthorization(UsersEndpoints.AdminPolicy).RequireScope(ApiScopes.WebhooksManage);
        group.MapGet("/", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListWebhooksQuery(), ct)))
            .WithName("ListWebhooks").WithSummary("The tenant's webhook subscriptions (Admin or webhooks:manage).");
        group.MapPost("/", CreateWebhook).WithName("CreateWebhook").Idempotent()
            .WithRequestExample(new { url = "https://example.com/l2r-hooks", eventTypes = new[] { EventTypes.LeadStageChanged, EventTypes.LeadCreated } })
            .WithSummary("Subscribe a URL to event types (none: all); the answer shows its whsec_ signing secret, only this once.");
        group.MapGet("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetWebhookQuery(id), ct)))
            .WithName("GetWebhook").WithSummary("One webhook subscription.");
        group.MapPut("/{id:guid}", async (Guid id, UpdateWebhookRequest request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new UpdateWebhookCommand(id, request), ct)))
            .WithName("UpdateWebhook").WithSummary("Replace URL, event types and enabled; rotateSecret makes a new secret, the old one signing beside it for 24 h.");
        group.MapDelete("/{id:guid}", DeleteWebhook).WithName("DeleteWebhook").WithSummary("Remove a subscription and its delivery log.");
        group.MapGet("/{id:guid}/deliveries", async (Guid id, IMediator mediator, CancellationToken ct, int take = 50) =>
                TypedResults.Ok(await mediator.Send(new ListWebhookDeliveriesQuery(id, take), ct)))
            .WithName("ListWebhookDeliveries").WithSummary("The delivery log, newest first: status, attempts with status code, latency and the start of each answer.");
        group.MapPost("/{id:guid}/test", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Accepted((string?)null, await mediator.Send(new SendTestWebhookCommand(id), ct)))
            .WithName("SendTestWebhook").Idempotent().WithSummary("Queue a signed webhook.test event for this subscription.");
        group.MapPost("/{id:guid}/replay", async (Guid id, ReplayWebhookRequest request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Accepted((string?)null, await mediator.Send(new ReplayWebhookCommand(id, request.Since), ct)))
            .WithName("ReplayWebhook").Idempotent().WithSummary("Queue again every event since a time that the subscription wants, in feed order.");
        group.MapPost("/deliveries/{id:guid}/redeliver", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Accepted((string?)null, await mediator.Send(new RedeliverWebhookCommand(id), ct)))
            .WithName("RedeliverWebhook").Idempotent().WithSummary("Send one delivery's event again, with the same body and webhook-id.");
    }

    private static async Task<CreatedAtRoute<WebhookWithSecretDto>> CreateWebhook(CreateWebhookCommand command, IMediator mediator, CancellationToken ct)
    {
        var created = await mediator.Send(command, ct);
        return TypedResults.CreatedAtRoute(created, "GetWebhook", new { id = created.Webhook.Id });
    }

    private static async Task<NoContent> DeleteWebhook(Guid id, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new DeleteWebhookCommand(id), ct);
        return TypedResults.NoContent();
    }
}
