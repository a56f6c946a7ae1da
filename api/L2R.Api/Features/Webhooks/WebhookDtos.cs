using L2R.Api.Infrastructure.Data;

namespace L2R.Api.Features.Webhooks;

/// <summary>A subscription as admins see it; its secret only when it is created or rotated.</summary>
public sealed record WebhookDto(
    Guid Id, string Url, IReadOnlyList<string> EventTypes, bool Enabled, string? DisabledReason, DateTime? FailingSince,
    bool SignsWithPreviousSecret, DateTime CreatedAt, int Version)
{
    public static WebhookDto From(WebhookSubscription s, DateTime now) => new(
        s.Id, s.Url, s.EventTypeList, s.Enabled, s.DisabledReason, s.FailingSince, s.PreviousSecretExpiresAt > now, s.CreatedAt, s.Version);
}

/// <summary>The subscription, and its new <c>whsec_</c> secret when one was just made (shown this once).</summary>
public sealed record WebhookWithSecretDto(WebhookDto Webhook, string? Secret);

public sealed record WebhookAttemptDto(DateTime AttemptedAt, int? StatusCode, int LatencyMs, string? Error, string? ResponseSnippet);

public sealed record WebhookDeliveryDto(
    Guid Id, Guid SubscriptionId, Guid EventId, string EventType, Guid? LeadId, int? LeadSequence, DeliveryStatus Status, int Attempts,
    DateTime NextAttemptAt, int? LastStatusCode, string? LastError, DateTime CreatedAt, DateTime? CompletedAt, IReadOnlyList<WebhookAttemptDto> AttemptLog)
{
    public static WebhookDeliveryDto From(WebhookDelivery d) => new(
        d.Id, d.SubscriptionId, d.EventId, d.EventType, d.LeadId, d.LeadSequence, d.Status, d.Attempts, d.NextAttemptAt, d.LastStatusCode,
        d.LastError, d.CreatedAt, d.CompletedAt,
        d.AttemptLog.OrderBy(a => a.AttemptedAt).Select(a => new WebhookAttemptDto(a.AttemptedAt, a.StatusCode, a.LatencyMs, a.Error, a.ResponseSnippet)).ToList());
}

public sealed record ReplayWebhookRequest(DateTime Since);

public sealed record ReplayResultDto(int Queued);
