using L2R.Domain.Common;

namespace L2R.Api.Infrastructure.Data;

/// <summary>
/// An integration's identity in a tenant: it gets access tokens with client credentials and acts as an Integration
/// actor. Never deleted (history names it); revoking ends it and every token it holds.
/// </summary>
public sealed class ApiClient : ITenantOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public required string Name { get; set; }

    /// <summary>Space-separated, as in an OAuth2 <c>scope</c> parameter.</summary>
    public required string Scopes { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>When it last got an access token.</summary>
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public int Version { get; set; } = 1;
    public List<ApiClientSecret> Secrets { get; set; } = [];

    public bool IsActive => RevokedAt is null;

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>One secret of a client; only its hash is kept. Two may be active at once while a rotation overlaps.</summary>
public sealed class ApiClientSecret : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public Guid ApiClientId { get; set; }
    public required string SecretHash { get; set; }

    /// <summary>The secret's last characters, so an admin can tell which one an integration holds.</summary>
    public required string Hint { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

public static class IdempotencyLimits
{
    public const int MaxKeyLength = 255;
}

public static class WebhookLimits
{
    public const int ResponseSnippetLength = 500;
}

/// <summary>
/// An Idempotency-Key a caller sent with a POST: claimed (in flight, <see cref="Status"/> null) in its own commit, then
/// completed in the same transaction as the change it guards, so a completed record always matches a committed change.
/// </summary>
public sealed class IdempotencyRecord : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }

    /// <summary>The user or API client that sent it (<c>u:</c> or <c>c:</c> and its id): keys are scoped to the tenant and the caller.</summary>
    public required string Caller { get; set; }
    public required string Key { get; set; }

    /// <summary>SHA-256 of method, path, query and body: the same key with another request is refused.</summary>
    public required string RequestHash { get; set; }

    /// <summary>While in flight, how long the claim holds; a claim past it was left by a request that never committed.</summary>
    public DateTime LockedUntil { get; set; }
    public int? Status { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public string? ETag { get; set; }
    public string? Body { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
}

/// <summary>
/// One event of the catalogue, written in the same transaction as the change it reports (the transactional outbox).
/// <see cref="Position"/> is its place in the tenant's feed, given by the relay after commit, so a reader paging by
/// position never skips an event whose transaction committed late; <see cref="LeadSequence"/> orders one lead's events.
/// </summary>
public sealed class OutboxEvent : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public required string Type { get; set; }
    public Guid? LeadId { get; set; }
    public int? LeadSequence { get; set; }
    public DateTime OccurredAt { get; set; }

    /// <summary>The event's <c>data</c>, as JSON.</summary>
    public required string Data { get; set; }
    public long? Position { get; set; }
    public DateTime? PositionedAt { get; set; }
}

/// <summary>A tenant's webhook endpoint: the events it wants, the secret deliveries are signed with, and whether it still gets them.</summary>
public sealed class WebhookSubscription : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public required string Url { get; set; }

    /// <summary>Space-separated event types; empty means every type.</summary>
    public string EventTypes { get; set; } = "";
    public required string Secret { get; set; }

    /// <summary>The secret before the last rotation, still signed with until <see cref="PreviousSecretExpiresAt"/>.</summary>
    public string? PreviousSecret { get; set; }
    public DateTime? PreviousSecretExpiresAt { get; set; }
    public bool Enabled { get; set; } = true;
    public string? DisabledReason { get; set; }

    /// <summary>The first failure of the current run of failures; cleared by a success.</summary>
    public DateTime? FailingSince { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; } = 1;

    public IReadOnlyList<string> EventTypeList => EventTypes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public bool Wants(string type) => EventTypes.Length == 0 || EventTypeList.Contains(type);
}

public enum DeliveryStatus
{
    Pending,
    Succeeded,
    Failed,
    Cancelled,
}

/// <summary>
/// One event on its way to one subscription, with the exact body it is signed over (kept, so every attempt sends the
/// same bytes under the same <c>webhook-id</c>). Claimed by a relay for <see cref="ClaimedUntil"/>, so two instances
/// never send the same attempt.
/// </summary>
public sealed class WebhookDelivery : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public Guid SubscriptionId { get; set; }

    /// <summary>The event's id, sent as <c>webhook-id</c>: the same for retries, replays and redeliveries, so receivers can drop duplicates.</summary>
    public Guid EventId { get; set; }
    public required string EventType { get; set; }
    public Guid? LeadId { get; set; }
    public int? LeadSequence { get; set; }
    public required string Payload { get; set; }
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime ClaimedUntil { get; set; }

    /// <summary>The relay instance holding the claim, so it reads back only the deliveries it won.</summary>
    public Guid? ClaimedBy { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public List<WebhookAttempt> AttemptLog { get; set; } = [];
}

/// <summary>One try of a delivery: when, the answer (or the error), how long it took and the start of the response.</summary>
public sealed class WebhookAttempt : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public Guid DeliveryId { get; set; }
    public DateTime AttemptedAt { get; set; }
    public int? StatusCode { get; set; }
    public int LatencyMs { get; set; }
    public string? Error { get; set; }
    public string? ResponseSnippet { get; set; }
}
