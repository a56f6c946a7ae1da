using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Tenancy;
using L2R.Api.Infrastructure.Web;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Auth.Refresh;

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
