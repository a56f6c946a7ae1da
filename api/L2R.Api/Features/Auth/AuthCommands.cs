using FluentValidation;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Tenancy;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Leads;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace L2R.Api.Features.Auth;

public sealed record MeDto(Guid Id, Guid TenantId, string TenantSlug, string TenantName, string Email, string DisplayName, IReadOnlyList<Role> Roles);

public sealed record TokenResponse(string AccessToken, DateTime AccessTokenExpiresAt, string RefreshToken, DateTime RefreshTokenExpiresAt, MeDto User);

public sealed record LoginCommand(string Tenant, string Email, string Password) : ICommand<TokenResponse>;

public sealed record RefreshCommand(string RefreshToken) : ICommand<TokenResponse>;

public sealed record LogoutCommand(string RefreshToken) : ICommand;

public sealed record GetMeQuery : IQuery<MeDto>;

public sealed class LoginValidator : AbstractValidator<LoginCommand>
{
    public LoginValidator()
    {
        RuleFor(c => c.Tenant).NotEmpty().MaximumLength(60);
        RuleFor(c => c.Email).NotEmpty().MaximumLength(254);
        RuleFor(c => c.Password).NotEmpty().MaximumLength(200);
    }
}

public sealed class RefreshValidator : AbstractValidator<RefreshCommand>
{
    public RefreshValidator() => RuleFor(c => c.RefreshToken).NotEmpty().MaximumLength(200);
}

public sealed class LogoutValidator : AbstractValidator<LogoutCommand>
{
    public LogoutValidator() => RuleFor(c => c.RefreshToken).NotEmpty().MaximumLength(200);
}

/// <summary>Issues an access token and a new refresh token; shared by login and refresh.</summary>
public sealed class SessionIssuer(L2RDbContext db, TokenService tokens, IOptions<AuthOptions> options, TimeProvider clock)
{
    public async Task<TokenResponse> IssueAsync(User user, Tenant tenant, Guid familyId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var access = tokens.IssueAccessToken(user, tenant, now);
        var (refresh, hash) = TokenService.NewRefreshToken(tenant.Id);
        var expires = now.AddDays(options.Value.RefreshTokenDays);
        db.RefreshTokens.Add(new RefreshToken { UserId = user.Id, FamilyId = familyId, TokenHash = hash, CreatedAt = now, ExpiresAt = expires });
        await db.SaveChangesAsync(ct);
        return new TokenResponse(access.Token, access.ExpiresAt, refresh, expires, ToMe(user, tenant));
    }

    public static MeDto ToMe(User user, Tenant tenant) =>
        new(user.Id, tenant.Id, tenant.Slug, tenant.Name, user.Email, user.DisplayName, RoleSet.ToList(user.Roles));
}

/// <summary>
/// The tenant named in the request gets a scope of its own (<see cref="ITenantScopes"/>): the request's scope belongs
/// to no tenant, or to that of whatever token came with it.
/// </summary>
public sealed class LoginHandler(L2RDbContext db, ITenantScopes tenantScopes, IPasswordHasher<User> hasher)
    : ICommandHandler<LoginCommand, TokenResponse>
{
    /// <summary>Verified when the tenant or user is unknown, so a wrong email costs the same time as a wrong password.</summary>
    private static readonly string DecoyHash = new PasswordHasher<User>().HashPassword(null!, "decoy-password-for-timing");

    public async ValueTask<TokenResponse> Handle(LoginCommand command, CancellationToken ct)
    {
        var slug = command.Tenant.Trim().ToLowerInvariant();
        var tenant = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, ct);
        if (tenant is null)
        {
            hasher.VerifyHashedPassword(null!, DecoyHash, command.Password);
            throw Refused();
        }

        await using var scope = tenantScopes.Open(tenant.Id);
        var email = command.Email.Trim().ToLowerInvariant();
        var user = await scope.ServiceProvider.GetRequiredService<L2RDbContext>().Users.FirstOrDefaultAsync(u => u.NormalizedEmail == email && u.IsActive, ct);
        var verdict = hasher.VerifyHashedPassword(user!, user?.PasswordHash ?? DecoyHash, command.Password);
        if (user is null || verdict == PasswordVerificationResult.Failed)
        {
            throw Refused();
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = hasher.HashPassword(user, command.Password);
        }

        return await scope.ServiceProvider.GetRequiredService<SessionIssuer>().IssueAsync(user, tenant, Guid.NewGuid(), ct);
    }

    private static UnauthorizedException Refused() => new("The tenant, email or password is not right.");
}

/// <summary>
/// Rotates the refresh token. A token used twice means it was stolen (or replayed), so the whole family of tokens
/// descended from that login is revoked and the caller must sign in again.
/// </summary>
public sealed class RefreshHandler(ITenantScopes tenantScopes, TimeProvider clock)
    : ICommandHandler<RefreshCommand, TokenResponse>
{
    public async ValueTask<TokenResponse> Handle(RefreshCommand command, CancellationToken ct)
    {
        var invalid = new UnauthorizedException("The refresh token is not valid; sign in again.");
        if (TokenService.TenantOf(command.RefreshToken) is not { } tenantId)
        {
            throw invalid;
        }

        await using var scope = tenantScopes.Open(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<L2RDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var hash = TokenService.Hash(command.RefreshToken);
        var token = await db.RefreshTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, ct) ?? throw invalid;

        // Claiming the token is one conditional update, so of two concurrent uses exactly one wins.
        var claimed = token.UsedAt is null && token.RevokedAt is null
            && await db.RefreshTokens.Where(t => t.Id == token.Id && t.UsedAt == null && t.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct) == 1;
        if (!claimed)
        {
            await db.RefreshTokens.Where(t => t.FamilyId == token.FamilyId && t.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
            throw invalid;
        }

        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == token.UserId && u.IsActive, ct);
        var tenant = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tenantId, ct);
        if (token.ExpiresAt <= now || user is null || tenant is null)
        {
            throw invalid;
        }

        return await scope.ServiceProvider.GetRequiredService<SessionIssuer>().IssueAsync(user, tenant, token.FamilyId, ct);
    }
}

public sealed class LogoutHandler(ITenantScopes tenantScopes, TimeProvider clock) : ICommandHandler<LogoutCommand>
{
    public async ValueTask<Unit> Handle(LogoutCommand command, CancellationToken ct)
    {
        if (TokenService.TenantOf(command.RefreshToken) is { } tenantId)
        {
            await using var scope = tenantScopes.Open(tenantId);
            var db = scope.ServiceProvider.GetRequiredService<L2RDbContext>();
            var hash = TokenService.Hash(command.RefreshToken);
            var family = await db.RefreshTokens.Where(t => t.TokenHash == hash).Select(t => (Guid?)t.FamilyId).FirstOrDefaultAsync(ct);
            if (family is { } familyId)
            {
                var now = clock.GetUtcNow().UtcDateTime;
                await db.RefreshTokens.Where(t => t.FamilyId == familyId && t.RevokedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
            }
        }

        return Unit.Value;
    }
}

public sealed class GetMeHandler(L2RDbContext db, ICurrentUser current) : IQueryHandler<GetMeQuery, MeDto>
{
    public async ValueTask<MeDto> Handle(GetMeQuery query, CancellationToken ct)
    {
        var userId = current.RequiredUserId;
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct) ?? throw new UnauthorizedException("Your account no longer exists.");
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == user.TenantId, ct);
        return SessionIssuer.ToMe(user, tenant);
    }
}
