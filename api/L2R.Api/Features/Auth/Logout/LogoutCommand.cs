using Mediator;

namespace L2R.Api.Features.Auth.Logout;

public sealed record LogoutCommand(string RefreshToken) : ICommand;
