using L2R.Api.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Webhooks.ReplayWebhook;

/// <summary>Queues again every event in the feed since <see cref="Since"/> that the subscription wants, in feed order (each lead's in sequence).</summary>
public sealed record ReplayWebhookCommand(Guid WebhookId, DateTime Since) : ICommand<ReplayResultDto>;

public sealed class ReplayWebhookHandler(L2RDbContext db, WebhookStore store) : ICommandHandler<ReplayWebhookCommand, ReplayResultDto>
{
    public const int MaxEvents = 10_000;

    public async ValueTask<ReplayResultDto> Handle(ReplayWebhookCommand command, CancellationToken ct)
    {
        var subscription = await store.FindAsync(command.WebhookId, ct);
        var since = command.Since.ToUniversalTime();
        var events = await db.OutboxEvents.AsNoTracking()
            .Where(e => e.Position != null && e.OccurredAt >= since)
            .OrderBy(e => e.Position).Take(MaxEvents).ToListAsync(ct);
        var wanted = events.Where(e => subscription.Wants(e.Type)).ToList();
        foreach (var e in wanted)
        {
            store.Queue(subscription, e);
        }

        await db.SaveChangesAsync(ct);
        return new ReplayResultDto(wanted.Count);
    }
}
