using L2R.Domain.Leads;
using Mediator;

namespace L2R.Api.Features.Users.SetUserRoles;

public sealed record SetUserRolesRequest(IReadOnlyList<Role> Roles);

public sealed record SetUserRolesCommand(Guid UserId, IReadOnlyList<Role> Roles) : ICommand<UserDto>;
