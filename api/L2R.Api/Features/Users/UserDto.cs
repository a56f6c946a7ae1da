using L2R.Api.Infrastructure.Data;
using L2R.Domain.Leads;

namespace L2R.Api.Features.Users;

public sealed record UserDto(Guid Id, string Email, string DisplayName, IReadOnlyList<Role> Roles, bool IsActive, DateTime CreatedAt)
{
    public static UserDto From(User u) => new(u.Id, u.Email, u.DisplayName, RoleSet.ToList(u.Roles), u.IsActive, u.CreatedAt);
}
