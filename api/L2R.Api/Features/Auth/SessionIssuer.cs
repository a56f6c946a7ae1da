using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Leads;
using Microsoft.Extensions.Options;

namespace L2R.Api.Features.Auth;

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
