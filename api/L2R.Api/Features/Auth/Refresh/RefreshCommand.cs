using Mediator;

namespace L2R.Api.Features.Auth.Refresh;

public sealed record RefreshCommand(string RefreshToken) : ICommand<TokenResponse>;
