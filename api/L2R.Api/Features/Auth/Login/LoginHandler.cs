using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Tenancy;
using L2R.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Auth.Login;

/// <summary>
/// The tenant named in the request gets a scope of its own (<see cref="ITenantScopes"/>): the request's scope belongs
/// to no tenant, or to that of whatever token came with it. Repeated failures for one tenant, email and address are
/// throttled (<see cref="PasswordThrottle"/>) the same way whether or not the account exists.
/// </summary>
public sealed class LoginHandler(ITenantScopes tenantScopes, IPasswordHasher<User> hasher, PasswordThrottle throttle, IHttpContextAccessor http)
    : ICommandHandler<LoginCommand, TokenResponse>
{
    /// <summary>Verified when the tenant or user is unknown, so a wrong email costs the same time as a wrong password.</summary>
    private static readonly string DecoyHash = new PasswordHasher<User>().HashPassword(null!, "decoy-password-for-timing");

    public async ValueTask<TokenResponse> Handle(LoginCommand command, CancellationToken ct)
    {
        var slug = command.Tenant.Trim().ToLowerInvariant();
        var email = command.Email.Trim().ToLowerInvariant();
        var address = http.HttpContext?.Connection.RemoteIpAddress;
        throttle.ThrowIfThrottled(slug, email, address);
        var tenant = await tenantScopes.ReadAcrossTenantsAsync(db => db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, ct));
        if (tenant is null)
        {
            hasher.VerifyHashedPassword(null!, DecoyHash, command.Password);
            throttle.Failed(slug, email, address);
            throw Refused();
        }

        await using var scope = tenantScopes.Open(tenant.Id);
        var user = await scope.ServiceProvider.GetRequiredService<L2RDbContext>().Users.FirstOrDefaultAsync(u => u.NormalizedEmail == email && u.IsActive, ct);
        var verdict = hasher.VerifyHashedPassword(user!, user?.PasswordHash ?? DecoyHash, command.Password);
        if (user is null || verdict == PasswordVerificationResult.Failed)
        {
            throttle.Failed(slug, email, address);
            throw Refused();
        }

        throttle.Succeeded(slug, email, address);

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = hasher.HashPassword(user, command.Password);
        }

        return await scope.ServiceProvider.GetRequiredService<SessionIssuer>().IssueAsync(user, tenant, Guid.NewGuid(), ct);
    }

    private static UnauthorizedException Refused() => new("The tenant, email or password is not right.");
}
