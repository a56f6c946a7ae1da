using System.Security.Claims;
using L2R.Domain.Leads;

namespace L2R.Api.Infrastructure.Auth;

public interface ICurrentUser
{
    Guid? UserId { get; }
    Guid? TenantId { get; }
    Roles Roles { get; }
    Actor Actor { get; }

    Guid RequiredUserId => UserId ?? throw new UnauthorizedAccessException("Sign in first.");
}

/// <summary>Reads the user from the validated token, or from <see cref="RunAs"/> for work done on a user's behalf outside a request (the demo seeder).</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private (Guid UserId, Guid TenantId, Roles Roles)? _runAs;

    public Guid? UserId => _runAs?.UserId ?? ParseGuid(L2RClaims.UserId);

    public Guid? TenantId => _runAs?.TenantId ?? ParseGuid(L2RClaims.TenantId);

    public Roles Roles => _runAs?.Roles
        ?? RoleSet.From(Principal?.FindAll(L2RClaims.Role).Select(c => Enum.TryParse<Role>(c.Value, out var role) ? role : (Role?)null).OfType<Role>() ?? []);

    public Actor Actor => Actor.User(((ICurrentUser)this).RequiredUserId, Roles);

    public void RunAs(Guid userId, Guid tenantId, Roles roles) => _runAs = (userId, tenantId, roles);

    private ClaimsPrincipal? Principal => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : null;

    private Guid? ParseGuid(string claim) => Guid.TryParse(Principal?.FindFirst(claim)?.Value, out var value) ? value : null;
}

public static class L2RClaims
{
    public const string UserId = "sub";
    public const string TenantId = "tid";
    public const string Role = "role";
    public const string Email = "email";
    public const string Name = "name";
}
