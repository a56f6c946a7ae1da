using L2R.Api.Infrastructure.Data;
using Mediator;

namespace L2R.Api.Features.Webhooks.UpdateWebhook;

public sealed class UpdateWebhookHandler(L2RDbContext db, WebhookStore store) : ICommandHandler<UpdateWebhookCommand, WebhookWithSecretDto>
{
    public static readonly TimeSpan RotationOverlap = TimeSpan.FromHours(24);

    public async ValueTask<WebhookWithSecretDto> Handle(UpdateWebhookCommand command, CancellationToken ct)
    {
        var subscription = await store.FindAsync(command.WebhookId, ct);
        var changes = command.Changes;
        store.Check(changes.Url, changes.EventTypes);
        subscription.Url = changes.Url.Trim();
        subscription.EventTypes = WebhookStore.Types(changes.EventTypes);
        if (changes.Enabled && !subscription.Enabled)
        {
            subscription.DisabledReason = null;
            subscription.FailingSince = null;
        }

        subscription.Enabled = changes.Enabled;
        string? secret = null;
        if (changes.RotateSecret)
        {
            subscription.PreviousSecret = subscription.Secret;
            subscription.PreviousSecretExpiresAt = store.Now + RotationOverlap;
            subscription.Secret = secret = WebhookStore.NewSecret();
        }

        subscription.Version++;
        await db.SaveChangesAsync(ct);
        return new WebhookWithSecretDto(WebhookDto.From(subscription, store.Now), secret);
    }
}
