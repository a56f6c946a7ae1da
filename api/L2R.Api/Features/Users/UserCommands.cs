using FluentValidation;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Leads;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Users;

public sealed record UserDto(Guid Id, string Email, string DisplayName, IReadOnlyList<Role> Roles, bool IsActive, DateTime CreatedAt)
{
    public static UserDto From(User u) => new(u.Id, u.Email, u.DisplayName, RoleSet.ToList(u.Roles), u.IsActive, u.CreatedAt);
}

public sealed record ListUsersQuery : IQuery<IReadOnlyList<UserDto>>;

public sealed record CreateUserCommand(string Email, string DisplayName, string Password, IReadOnlyList<Role> Roles) : ICommand<UserDto>;

public sealed record SetUserRolesRequest(IReadOnlyList<Role> Roles);

public sealed record SetUserRolesCommand(Guid UserId, IReadOnlyList<Role> Roles) : ICommand<UserDto>;

public sealed record DeactivateUserCommand(Guid UserId) : ICommand<UserDto>;

public sealed class CreateUserValidator : AbstractValidator<CreateUserCommand>
{
    public CreateUserValidator()
    {
        RuleFor(c => c.Email).NotEmpty().EmailAddress().MaximumLength(254);
        RuleFor(c => c.DisplayName).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Password).SetValidator(new PasswordValidator());
        RuleFor(c => c.Roles).NotEmpty().WithMessage("Give the user at least one role.");
        RuleForEach(c => c.Roles).IsInEnum();
    }
}

public sealed class SetUserRolesValidator : AbstractValidator<SetUserRolesCommand>
{
    public SetUserRolesValidator()
    {
        RuleFor(c => c.Roles).NotEmpty().WithMessage("Give the user at least one role; deactivate the user to remove all access.");
        RuleForEach(c => c.Roles).IsInEnum();
    }
}

public sealed class ListUsersHandler(L2RDbContext db) : IQueryHandler<ListUsersQuery, IReadOnlyList<UserDto>>
{
    public async ValueTask<IReadOnlyList<UserDto>> Handle(ListUsersQuery query, CancellationToken ct) =>
        (await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).ToListAsync(ct)).Select(UserDto.From).ToList();
}

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
