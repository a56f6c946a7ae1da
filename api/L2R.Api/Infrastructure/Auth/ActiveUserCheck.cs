using System.Security.Claims;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Live;
using L2R.Api.Infrastructure.Tenancy;
using L2R.Domain.Leads;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace L2R.Api.Infrastructure.Auth;

/// <summary>
/// A well-signed token still has to name an active user of its tenant (or, for client credentials, an unrevoked API
/// client and a secret it still holds), so a token for a tenant or user that no
/// longer exists is a 401, never a half-working session; and the request acts with the roles the user holds now,
/// not the ones the token was issued with. The answer is cached briefly (it is asked on every request). The user
/// writes (roles, deactivation) put their result in the cache after they commit and broadcast it to the other
/// instances (<see cref="IAccessBroadcast"/>), so it takes effect on the next request everywhere (within
/// <see cref="Lifetime"/> if a broadcast is lost), and a caller that lost access has its live board connections closed.
/// </summary>
public sealed class ActiveUserCheck(IMemoryCache cache, ITenantScopes tenantScopes, IAccessBroadcast broadcast, BoardConnections connections)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly Lock _store = new();

    public static Task RejectUnlessActiveAsync(TokenValidatedContext context) =>
        context.HttpContext.RequestServices.GetRequiredService<ActiveUserCheck>().CheckAsync(context);

    /// <summary>After a write to <paramref name="user"/> has committed: the next request sees its roles and whether it is active.</summary>
    public void Remember(User user) =>
        Share(new AccessChange(user.TenantId, user.Id, IsClient: false, user.Version, user.IsActive ? user.Roles : null, []));

    /// <summary>After a write to <paramref name="client"/> or its secrets has committed: tokens of a revoked client or an ended secret stop at once.</summary>
    public void Remember(ApiClient client) =>
        Share(new AccessChange(client.TenantId, client.Id, IsClient: true, client.Version, null, client.IsActive ? [.. client.Secrets.Where(s => s.RevokedAt is null).Select(s => s.Id)] : []));

    /// <summary>An access change made here or on another instance: cached, and the caller's connections it no longer allows closed.</summary>
    public void Apply(AccessChange change)
    {
        if (change.IsClient)
        {
            Store(ClientKey(change.TenantId, change.Id), ClientAccess.Of(true, change.ActiveSecrets, change.Version));
            connections.Close(change.TenantId, change.Id, open => BoardConnections.SecretOf(open) is { } secret && change.ActiveSecrets.Contains(secret));
            return;
        }

        Store(Key(change.TenantId, change.Id), new Access(change.Roles, change.Version));
        if (change.Roles is null)
        {
            connections.Close(change.TenantId, change.Id, _ => false);
        }
    }

    private void Share(AccessChange change)
    {
        Apply(change);
        broadcast.Publish(change);
    }

    private async Task CheckAsync(TokenValidatedContext context)
    {
        var principal = context.Principal;
        if (!Guid.TryParse(principal?.FindFirst(L2RClaims.UserId)?.Value, out var userId)
            || !Guid.TryParse(principal?.FindFirst(L2RClaims.TenantId)?.Value, out var tenantId))
        {
            context.Fail("The token names no user or tenant.");
            return;
        }

        if (L2RClaims.IsClient(principal))
        {
            await CheckClientAsync(context, tenantId, userId);
            return;
        }

        var key = Key(tenantId, userId);
        var access = cache.TryGetValue(key, out Access? cached) ? cached! : await LoadAsync(key, tenantId, userId, context.HttpContext.RequestAborted);
        if (access.Roles is not { } roles)
        {
            context.Fail("The user is not active in this tenant.");
            return;
        }

        UseCurrentRoles(principal!, roles);
    }

    private async Task CheckClientAsync(TokenValidatedContext context, Guid tenantId, Guid clientId)
    {
        var key = ClientKey(tenantId, clientId);
        var access = cache.TryGetValue(key, out ClientAccess? cached) ? cached! : await LoadClientAsync(key, tenantId, clientId, context.HttpContext.RequestAborted);
        if (!Guid.TryParse(context.Principal!.FindFirst(ClientCredentialsGrant.SecretIdClaim)?.Value, out var secretId) || !access.ActiveSecrets.Contains(secretId))
        {
            context.Fail("The API client is revoked or its secret has been ended.");
        }
    }

    private async Task<ClientAccess> LoadClientAsync((string, Guid, Guid) key, Guid tenantId, Guid clientId, CancellationToken ct)
    {
        await using var scope = tenantScopes.Open(tenantId);
        var row = await scope.ServiceProvider.GetRequiredService<L2RDbContext>().ApiClients.AsNoTracking()
            .Where(c => c.Id == clientId)
            .Select(c => new { Active = c.RevokedAt == null, c.Version, Secrets = c.Secrets.Where(s => s.RevokedAt == null).Select(s => s.Id).ToList() })
            .FirstOrDefaultAsync(ct);
        var access = row is null ? ClientAccess.Of(false, [], 0) : ClientAccess.Of(row.Active, row.Secrets, row.Version);
        Store(key, access);
        return access;
    }

    private async Task<Access> LoadAsync((string, Guid, Guid) key, Guid tenantId, Guid userId, CancellationToken ct)
    {
        await using var scope = tenantScopes.Open(tenantId);
        var row = await scope.ServiceProvider.GetRequiredService<L2RDbContext>().Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.IsActive, u.Roles, u.Version })
            .FirstOrDefaultAsync(ct);
        var access = row is null ? new Access(null, 0) : new Access(row.IsActive ? row.Roles : null, row.Version);
        Store(key, access);
        return access;
    }

    /// <summary>
    /// A read that began before a user write committed must not replace what the write remembered, or a demoted
    /// admin would be let through until the entry expires: the higher version wins.
    /// </summary>
    private void Store((string, Guid, Guid) key, IVersioned access)
    {
        lock (_store)
        {
            if (!cache.TryGetValue(key, out IVersioned? current) || current!.Version <= access.Version)
            {
                cache.Set(key, access, Lifetime);
            }
        }
    }

    /// <summary>
    /// Replaces the token's role claims with the stored roles rather than refusing the token with 401: the identity is
    /// still right, only its authority changed, so the session goes on, a demoted admin gets 403 on admin work (and a
    /// promoted user gains the role at once), and the policies and <see cref="ICurrentUser"/> see one set of roles.
    /// </summary>
    private static void UseCurrentRoles(ClaimsPrincipal principal, Roles roles)
    {
        if (L2RClaims.RolesOf(principal) == roles || principal.Identity is not ClaimsIdentity identity)
        {
            return;
        }

        foreach (var claim in identity.FindAll(L2RClaims.Role).ToList())
        {
            identity.RemoveClaim(claim);
        }

        identity.AddClaims(RoleSet.ToList(roles).Select(role => new Claim(L2RClaims.Role, role.ToString())));
    }

    private static (string, Guid, Guid) Key(Guid tenantId, Guid userId) => ("active-user", tenantId, userId);

    private static (string, Guid, Guid) ClientKey(Guid tenantId, Guid clientId) => ("active-client", tenantId, clientId);

    private interface IVersioned
    {
        int Version { get; }
    }

    /// <summary>The roles the user holds now, or none when inactive or gone; with the row version it was read at.</summary>
    private sealed record Access(Roles? Roles, int Version) : IVersioned;

    /// <summary>The secrets whose tokens are still good: none when the client is revoked or gone.</summary>
    private sealed record ClientAccess(IReadOnlySet<Guid> ActiveSecrets, int Version) : IVersioned
    {
        public static ClientAccess Of(bool active, IEnumerable<Guid> secrets, int version) => new(active ? secrets.ToHashSet() : [], version);
    }
}
