using System.Security.Cryptography;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Outbox;
using L2R.Api.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace L2R.Api.Features.Webhooks;

/// <summary>What the webhook use cases share: finding a subscription (404 when unknown or another tenant's), checking a target and event types, new secrets.</summary>
public sealed class WebhookStore(L2RDbContext db, IOptions<WebhookOptions> options, IHostEnvironment environment, TimeProvider clock)
{
    public DateTime Now { get; } = clock.GetUtcNow().UtcDateTime;

    public async Task<WebhookSubscription> FindAsync(Guid id, CancellationToken ct) =>
        await db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException("Webhook", id);

    /// <summary>400 for a URL that is not http(s), or (unless allowed) points at a private address; 400 for an unknown event type.</summary>
    public void Check(string url, IReadOnlyList<string>? eventTypes)
    {
        if (WebhookTargets.Problem(url, options.Value.AllowsPrivateTargets(environment)) is { } problem)
        {
            throw RequestValidationException.For("url", problem);
        }

        if (eventTypes?.Except(EventTypes.All).ToList() is { Count: > 0 } unknown)
        {
            throw RequestValidationException.For("eventTypes", $"Unknown event types {string.Join(", ", unknown)}; the catalogue is {string.Join(", ", EventTypes.All)}.");
        }
    }

    public static string Types(IReadOnlyList<string>? eventTypes) => string.Join(' ', EventTypes.All.Where(t => eventTypes?.Contains(t) == true));

    public static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public WebhookDeliveryDto Queue(WebhookSubscription subscription, OutboxEvent e)
    {
        var delivery = WebhookDeliveries.For(subscription.Id, e, EventDto.From(e).ToJson(), Now);
        db.WebhookDeliveries.Add(delivery);
        return WebhookDeliveryDto.From(delivery);
    }
}
