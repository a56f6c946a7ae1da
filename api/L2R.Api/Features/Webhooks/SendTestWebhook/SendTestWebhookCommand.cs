using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Outbox;
using Mediator;

namespace L2R.Api.Features.Webhooks.SendTestWebhook;

/// <summary>Queues a <c>webhook.test</c> event for this subscription only (it is not in the outbox or the feed).</summary>
public sealed record SendTestWebhookCommand(Guid WebhookId) : ICommand<WebhookDeliveryDto>;

public sealed class SendTestWebhookHandler(L2RDbContext db, WebhookStore store) : ICommandHandler<SendTestWebhookCommand, WebhookDeliveryDto>
{
    public async ValueTask<WebhookDeliveryDto> Handle(SendTestWebhookCommand command, CancellationToken ct)
    {
        var subscription = await store.FindAsync(command.WebhookId, ct);
        var test = new OutboxEvent { Type = EventTypes.WebhookTest, OccurredAt = store.Now, Data = EventJson.Serialize(new { subscriptionId = subscription.Id }) };
        var delivery = store.Queue(subscription, test);
        await db.SaveChangesAsync(ct);
        return delivery;
    }
}
