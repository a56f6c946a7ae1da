using L2R.Api.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Webhooks.ListWebhooks;

public sealed record ListWebhooksQuery : IQuery<IReadOnlyList<WebhookDto>>;

public sealed class ListWebhooksHandler(L2RDbContext db, WebhookStore store) : IQueryHandler<ListWebhooksQuery, IReadOnlyList<WebhookDto>>
{
    public async ValueTask<IReadOnlyList<WebhookDto>> Handle(ListWebhooksQuery query, CancellationToken ct) =>
        (await db.WebhookSubscriptions.AsNoTracking().OrderBy(s => s.CreatedAt).ToListAsync(ct)).Select(s => WebhookDto.From(s, store.Now)).ToList();
}
