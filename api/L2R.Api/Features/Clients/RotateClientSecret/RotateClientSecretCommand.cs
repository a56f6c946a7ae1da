using Mediator;

namespace L2R.Api.Features.Clients.RotateClientSecret;

/// <summary>Issues a second secret; both work until the old one is ended, so an integration can switch without downtime.</summary>
public sealed record RotateClientSecretCommand(Guid ClientId) : ICommand<IssuedClientSecretDto>;
