using Mediator;

namespace L2R.Api.Features.Clients.EndClientSecret;

/// <summary>Ends one secret (the end of a rotation's overlap): tokens issued with it stop at their next request.</summary>
public sealed record EndClientSecretCommand(Guid ClientId, Guid SecretId) : ICommand<ApiClientDto>;
