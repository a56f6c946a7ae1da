using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Users.DeactivateUser;

/// <summary>Deactivation also revokes every refresh token, so the user is out once the current access token expires.</summary>
public sealed class DeactivateUserHandler(L2RDbContext db, ICurrentUser current, TimeProvider clock, ActiveUserCheck activeUsers) : ICommandHandler<DeactivateUserCommand, UserDto>
{
    public async ValueTask<UserDto> Handle(DeactivateUserCommand command, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == command.UserId, ct) ?? throw new NotFoundException("User", command.UserId);
        if (user.Id == current.UserId)
        {
            throw new ConflictException("You cannot deactivate yourself.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var deactivated = await db.InTransactionAsync(async () =>
        {
            user.IsActive = false;
            await db.RefreshTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
            await db.SaveChangesAsync(ct);
            return UserDto.From(user);
        }, ct);

        // After the commit: a request that read the user as active before it cannot overwrite this (ActiveUserCheck keeps the newer version).
        activeUsers.Remember(user);
        return deactivated;
    }
}
