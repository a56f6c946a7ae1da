using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Leads;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Users.CreateUser;

public sealed class CreateUserHandler(L2RDbContext db, IPasswordHasher<User> hasher, TimeProvider clock) : ICommandHandler<CreateUserCommand, UserDto>
{
    public async ValueTask<UserDto> Handle(CreateUserCommand command, CancellationToken ct)
    {
        var email = command.Email.Trim();
        var normalized = email.ToLowerInvariant();
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized, ct))
        {
            throw new ConflictException($"A user with the email {email} already exists.");
        }

        var user = new User
        {
            Email = email,
            NormalizedEmail = normalized,
            DisplayName = command.DisplayName.Trim(),
            Roles = RoleSet.From(command.Roles),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        user.PasswordHash = hasher.HashPassword(user, command.Password);
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        return UserDto.From(user);
    }
}
