using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using Mediator;

namespace L2R.Api.Features.Clients.RevokeClient;

/// <summary>Revoking twice changes nothing the second time.</summary>
public sealed class RevokeClientHandler(L2RDbContext db, TimeProvider clock, ActiveUserCheck check) : ICommandHandler<RevokeClientCommand, ApiClientDto>
{
    public async ValueTask<ApiClientDto> Handle(RevokeClientCommand command, CancellationToken ct)
    {
        var client = await db.FindClientAsync(command.ClientId, ct);
        if (client.IsActive)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            client.RevokedAt = client.UpdatedAt = now;
            foreach (var secret in client.Secrets.Where(s => s.RevokedAt is null))
            {
                secret.RevokedAt = now;
            }

            await db.SaveClientAsync(client, check, ct);
        }

        return ApiClientDto.From(client);
    }
}
