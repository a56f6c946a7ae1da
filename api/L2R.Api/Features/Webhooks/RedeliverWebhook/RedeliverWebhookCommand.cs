using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Outbox;
using L2R.Api.Infrastructure.Web;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Webhooks.RedeliverWebhook;

/// <summary>Sends one delivery's event again as a new delivery (same body and <c>webhook-id</c>), whatever became of the first.</summary>
public sealed record RedeliverWebhookCommand(Guid DeliveryId) : ICommand<WebhookDeliveryDto>;

public sealed class RedeliverWebhookHandler(L2RDbContext db, WebhookStore store) : ICommandHandler<RedeliverWebhookCommand, WebhookDeliveryDto>
{
    public async ValueTask<WebhookDeliveryDto> Handle(RedeliverWebhookCommand command, CancellationToken ct)
    {
        var original = await db.WebhookDeliveries.AsNoTracking().FirstOrDefaultAsync(d => d.Id == command.DeliveryId, ct)
            ?? throw new NotFoundException("Webhook delivery", command.DeliveryId);
        var again = WebhookDeliveries.Again(original, store.Now);
        db.WebhookDeliveries.Add(again);
        await db.SaveChangesAsync(ct);
        return WebhookDeliveryDto.From(again);
    }
}
