using Mediator;

namespace L2R.Api.Features.Webhooks.GetWebhook;

public sealed record GetWebhookQuery(Guid WebhookId) : IQuery<WebhookDto>;

public sealed class GetWebhookHandler(WebhookStore store) : IQueryHandler<GetWebhookQuery, WebhookDto>
{
    public async ValueTask<WebhookDto> Handle(GetWebhookQuery query, CancellationToken ct) => WebhookDto.From(await store.FindAsync(query.WebhookId, ct), store.Now);
}
