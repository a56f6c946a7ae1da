using Mediator;

namespace L2R.Api.Features.Clients.RevokeClient;

/// <summary>Revokes the client and all its secrets; its tokens stop at their next request. The client stays listed (history names it).</summary>
public sealed record RevokeClientCommand(Guid ClientId) : ICommand<ApiClientDto>;
