using Mediator;

namespace L2R.Api.Features.Clients.CreateClient;

/// <summary>A new API client with the scopes it may ask for; the answer carries its first secret, once.</summary>
public sealed record CreateClientCommand(string Name, IReadOnlyList<string> Scopes) : ICommand<IssuedClientSecretDto>;
