using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Tenancy;
using L2R.Api.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Auth.Login;

public sealed class LoginHandler(L2RDbContext db, TenantContext tenantContext, IPasswordHasher<User> hasher, SessionIssuer sessions)
    : ICommandHandler<LoginCommand, TokenResponse>
{
    /// <summary>Verified when the user is unknown, so a wrong email costs the same time as a wrong password.</summary>
    private static readonly string DecoyHash = new PasswordHasher<User>().HashPassword(null!, "decoy-password-for-timing");

    public async ValueTask<TokenResponse> Handle(LoginCommand command, CancellationToken ct)
    {
        var slug = command.Tenant.Trim().ToLowerInvariant();
        var tenant = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, ct);
        User? user = null;
        if (tenant is not null)
        {
            tenantContext.Use(tenant.Id);
            var email = command.Email.Trim().ToLowerInvariant();
            user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == email && u.IsActive, ct);
        }

        var verdict = hasher.VerifyHashedPassword(user!, user?.PasswordHash ?? DecoyHash, command.Password);
        if (user is null || tenant is null || verdict == PasswordVerificationResult.Failed)
        {
            throw new UnauthorizedException("The tenant, email or password is not right.");
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = hasher.HashPassword(user, command.Password);
        }

        return await sessions.IssueAsync(user, tenant, Guid.NewGuid(), ct);
    }
}
