using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Tenancy;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Auth.Logout;

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
