using Mediator;

namespace L2R.Api.Features.Auth.Login;

public sealed record LoginCommand(string Tenant, string Email, string Password) : ICommand<TokenResponse>;
