using L2R.Api.Infrastructure.Data;
using Mediator;

namespace L2R.Api.Features.Webhooks.CreateWebhook;

public sealed class CreateWebhookHandler(L2RDbContext db, WebhookStore store) : ICommandHandler<CreateWebhookCommand, WebhookWithSecretDto>
{
    public async ValueTask<WebhookWithSecretDto> Handle(CreateWebhookCommand command, CancellationToken ct)
    {
        store.Check(command.Url, command.EventTypes);
        var subscription = new WebhookSubscription
        {
            Url = command.Url.Trim(),
            EventTypes = WebhookStore.Types(command.EventTypes),
            Secret = WebhookStore.NewSecret(),
            CreatedAt = store.Now,
        };
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(ct);
        return new WebhookWithSecretDto(WebhookDto.From(subscription, store.Now), subscription.Secret);
    }
}
