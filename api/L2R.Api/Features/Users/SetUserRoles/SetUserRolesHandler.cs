using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Leads;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Users.SetUserRoles;

/// <summary>Role changes take effect on the user's next request (<see cref="ActiveUserCheck"/>), whatever their token says.</summary>
public sealed class SetUserRolesHandler(L2RDbContext db, ICurrentUser current, ActiveUserCheck activeUsers) : ICommandHandler<SetUserRolesCommand, UserDto>
{
    public async ValueTask<UserDto> Handle(SetUserRolesCommand command, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == command.UserId, ct) ?? throw new NotFoundException("User", command.UserId);
        var roles = RoleSet.From(command.Roles);
        if (user.Id == current.UserId && !roles.HasFlag(Roles.Admin))
        {
            throw RequestValidationException.For("roles", "You cannot remove your own Admin role; ask another admin.");
        }

        user.Roles = roles;
        await db.SaveChangesAsync(ct);
        activeUsers.Remember(user);
        return UserDto.From(user);
    }
}
