using System.Security.Claims;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Leads;

namespace L2R.Api.Infrastructure.Auth;

public interface ICurrentUser
{
    /// <summary>The signed-in person; null for an API client.</summary>
    Guid? UserId { get; }

    /// <summary>The API client of a client-credentials token; null for a person.</summary>
    Guid? ClientId { get; }
    Guid? TenantId { get; }
    Roles Roles { get; }
    Actor Actor { get; }

    /// <summary>
    /// Our own <see cref="UnauthorizedException"/> (401), not the BCL's UnauthorizedAccessException, which file
    /// access also throws and which must stay a 500 there.
    /// </summary>
    Guid RequiredUserId => UserId ?? throw new UnauthorizedException("Sign in first.");

    /// <summary>Whether an API client's token carries <paramref name="scope"/>; people are governed by roles, so always for them.</summary>
    bool HasScope(string scope);
}

/// <summary>
/// Who the current scope acts as: in a request, the user of the validated token; in a scope opened by
/// <see cref="Tenancy.ITenantScopes"/>, the tenant (and for the demo, the user) it was opened for, whatever request
/// may be running around it. Either way it is fixed once: there is no way to switch a scope to another tenant or user.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private Fixed? _fixed;

    public Guid? UserId => _fixed is { } f ? f.UserId : IsClient ? null : ParseGuid(L2RClaims.UserId);

    public Guid? ClientId => _fixed is null && IsClient ? ParseGuid(L2RClaims.UserId) : null;

    public Guid? TenantId => _fixed is { } f ? f.TenantId : ParseGuid(L2RClaims.TenantId);

    public Roles Roles => _fixed?.Roles ?? L2RClaims.RolesOf(Principal);

    public Actor Actor => ClientId is { } client ? Actor.Integration(client) : Actor.User(((ICurrentUser)this).RequiredUserId, Roles);

    public bool HasScope(string scope) => ClientId is null || L2RClaims.ScopesOf(Principal).Contains(scope);

    private bool IsClient => L2RClaims.IsClient(Principal);

    private ClaimsPrincipal? Principal => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : null;

    /// <summary>Only <see cref="Tenancy.TenantScopes"/> calls this, on a scope it has just created.</summary>
    internal void FixTenant(Guid tenantId)
    {
        if (_fixed is { } f && f.TenantId != tenantId)
        {
            throw new InvalidOperationException($"This scope belongs to tenant {f.TenantId}; open a new scope for tenant {tenantId}.");
        }

        _fixed ??= new Fixed(tenantId, null, Roles.None);
    }

    /// <summary>Only the demo's <see cref="Hosting.RunAs"/> calls this, on a tenant scope it has just opened.</summary>
    internal void FixUser(Guid userId, Roles roles)
    {
        var f = _fixed ?? throw new InvalidOperationException("Open the scope for a tenant before choosing its user.");
        if (f.UserId is { } existing && (existing != userId || f.Roles != roles))
        {
            throw new InvalidOperationException($"This scope acts as user {existing}; open a new scope to act as user {userId}.");
        }

        _fixed = f with { UserId = userId, Roles = roles };
    }

    private Guid? ParseGuid(string claim) => Guid.TryParse(Principal?.FindFirst(claim)?.Value, out var value) ? value : null;

    private sealed record Fixed(Guid TenantId, Guid? UserId, Roles Roles);
}

public static class L2RClaims
{
    public const string UserId = "sub";
    public const string TenantId = "tid";
    public const string Role = "role";
    public const string Email = "email";
    public const string Name = "name";

    /// <summary>Only client-credentials tokens carry it; for them <see cref="UserId"/> (<c>sub</c>) is the client's id.</summary>
    public const string ClientId = "client_id";
    public const string Scope = "scope";

    public static bool IsClient(ClaimsPrincipal? principal) => principal?.HasClaim(c => c.Type == ClientId) == true;

    public static IReadOnlySet<string> ScopesOf(ClaimsPrincipal? principal) =>
        principal?.FindAll(Scope).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet() ?? [];

    public static Roles RolesOf(ClaimsPrincipal? principal) =>
        RoleSet.From(principal?.FindAll(Role).Select(c => Enum.TryParse<Role>(c.Value, out var role) ? role : (Role?)null).OfType<Role>() ?? []);
}
