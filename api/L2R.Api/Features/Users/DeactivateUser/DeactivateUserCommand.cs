using Mediator;

namespace L2R.Api.Features.Users.DeactivateUser;

public sealed record DeactivateUserCommand(Guid UserId) : ICommand<UserDto>;
