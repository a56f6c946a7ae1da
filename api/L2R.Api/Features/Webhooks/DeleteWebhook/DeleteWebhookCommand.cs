using L2R.Api.Infrastructure.Data;
using Mediator;

namespace L2R.Api.Features.Webhooks.DeleteWebhook;

/// <summary>Removes the subscription with its deliveries; events stay in the feed.</summary>
public sealed record DeleteWebhookCommand(Guid WebhookId) : ICommand;

public sealed class DeleteWebhookHandler(L2RDbContext db, WebhookStore store) : ICommandHandler<DeleteWebhookCommand>
{
    public async ValueTask<Unit> Handle(DeleteWebhookCommand command, CancellationToken ct)
    {
        db.WebhookSubscriptions.Remove(await store.FindAsync(command.WebhookId, ct));
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
