using L2R.Api.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Webhooks.ListWebhookDeliveries;

/// <summary>The delivery log, newest first, with every attempt.</summary>
public sealed record ListWebhookDeliveriesQuery(Guid WebhookId, int Take) : IQuery<IReadOnlyList<WebhookDeliveryDto>>;

public sealed class ListWebhookDeliveriesHandler(L2RDbContext db, WebhookStore store) : IQueryHandler<ListWebhookDeliveriesQuery, IReadOnlyList<WebhookDeliveryDto>>
{
    public async ValueTask<IReadOnlyList<WebhookDeliveryDto>> Handle(ListWebhookDeliveriesQuery query, CancellationToken ct)
    {
        await store.FindAsync(query.WebhookId, ct);
        return (await db.WebhookDeliveries.AsNoTracking().Include(d => d.AttemptLog)
                .Where(d => d.SubscriptionId == query.WebhookId)
                .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.LeadSequence)
                .Take(Math.Clamp(query.Take, 1, 200))
                .ToListAsync(ct))
            .Select(WebhookDeliveryDto.From).ToList();
    }
}
