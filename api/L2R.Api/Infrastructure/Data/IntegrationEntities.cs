using L2R.Domain.Common;

namespace L2R.Api.Infrastructure.Data;

/// <summary>
/// An integration's identity in a tenant: it gets access tokens with client credentials and acts as an Integration
/// actor. Never deleted (history names it); revoking ends it and every token it holds.
/// </summary>
public sealed class ApiClient : ITenantOwned
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
