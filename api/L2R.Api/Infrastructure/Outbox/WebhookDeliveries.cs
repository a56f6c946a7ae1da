using L2R.Api.Infrastructure.Data;

namespace L2R.Api.Infrastructure.Outbox;

/// <summary>How a delivery is made and how an attempt's outcome changes it and its subscription.</summary>
public static class WebhookDeliveries
{
    public static WebhookDelivery For(Guid subscriptionId, OutboxEvent e, string payload, DateTime now) =>
        New(subscriptionId, e.Id, e.Type, e.LeadId, e.LeadSequence, payload, now);

    /// <summary>The same event to the same subscription once more, as a new delivery with its own log.</summary>
    public static WebhookDelivery Again(WebhookDelivery original, DateTime now) =>
        New(original.SubscriptionId, original.EventId, original.EventType, original.LeadId, original.LeadSequence, original.Payload, now);

    /// <summary>
    /// 2xx succeeds; 410 disables the subscription; anything else is retried on the published schedule (or after the
    /// receiver's Retry-After, when later) until the schedule runs out, and a subscription failing without a success for
    /// <paramref name="disableAfter"/> is disabled, with the reason shown to admins.
    /// </summary>
    public static void Record(L2RDbContext db, WebhookDelivery delivery, WebhookSubscription subscription, SendResult result, DateTime now, TimeSpan disableAfter)
    {
        delivery.Attempts++;
        delivery.LastStatusCode = result.StatusCode;
        delivery.LastError = result.Error;
        delivery.ClaimedUntil = now;
        delivery.ClaimedBy = null;
        db.WebhookAttempts.Add(new WebhookAttempt
        {
            DeliveryId = delivery.Id,
            AttemptedAt = now,
            StatusCode = result.StatusCode,
            LatencyMs = result.LatencyMs,
            Error = result.Error,
            ResponseSnippet = result.ResponseSnippet,
        });

        if (result.Succeeded)
        {
            Complete(delivery, DeliveryStatus.Succeeded, now);
            subscription.FailingSince = null;
            return;
        }

        if (WebhookSender.IsGone(result.StatusCode))
        {
            Complete(delivery, DeliveryStatus.Cancelled, now);
            Disable(subscription, "The endpoint answered 410 Gone.");
            return;
        }

        subscription.FailingSince ??= now;
        if (now - subscription.FailingSince >= disableAfter)
        {
            Complete(delivery, DeliveryStatus.Failed, now);
            Disable(subscription, $"Every delivery has failed since {subscription.FailingSince:u}.");
            return;
        }

        if (delivery.Attempts > WebhookOptions.RetrySchedule.Count)
        {
            Complete(delivery, DeliveryStatus.Failed, now);
            return;
        }

        var wait = WebhookOptions.RetrySchedule[delivery.Attempts - 1];
        delivery.NextAttemptAt = now + (result.RetryAfter > wait ? result.RetryAfter.Value : wait);
    }

    private static WebhookDelivery New(Guid subscriptionId, Guid eventId, string type, Guid? leadId, int? leadSequence, string payload, DateTime now) => new()
    {
        SubscriptionId = subscriptionId,
        EventId = eventId,
        EventType = type,
        LeadId = leadId,
        LeadSequence = leadSequence,
        Payload = payload,
        Status = DeliveryStatus.Pending,
        NextAttemptAt = now,
        CreatedAt = now,
    };

    private static void Complete(WebhookDelivery delivery, DeliveryStatus status, DateTime now)
    {
        delivery.Status = status;
        delivery.CompletedAt = now;
    }

    private static void Disable(WebhookSubscription subscription, string reason)
    {
        subscription.Enabled = false;
        subscription.DisabledReason = reason;
    }
}
