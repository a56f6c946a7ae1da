using L2R.Domain.Leads;
using Mediator;

namespace L2R.Api.Features.Users.CreateUser;

public sealed record CreateUserCommand(string Email, string DisplayName, string Password, IReadOnlyList<Role> Roles) : ICommand<UserDto>;
