using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using Mediator;

namespace L2R.Api.Features.Clients.EndClientSecret;

/// <summary>404 for an unknown client or secret; 409 for the client's last active secret (revoke the client instead).</summary>
public sealed class EndClientSecretHandler(L2RDbContext db, TimeProvider clock, ActiveUserCheck check) : ICommandHandler<EndClientSecretCommand, ApiClientDto>
{
    public async ValueTask<ApiClientDto> Handle(EndClientSecretCommand command, CancellationToken ct)
    {
        var client = await db.FindClientAsync(command.ClientId, ct);
        var secret = client.Secrets.FirstOrDefault(s => s.Id == command.SecretId) ?? throw new NotFoundException("Client secret", command.SecretId);
        if (secret.RevokedAt is not null)
        {
            return ApiClientDto.From(client);
        }

        if (client.IsActive && client.Secrets.Count(s => s.RevokedAt is null) == 1)
        {
            throw new ConflictException("This is the client's only secret; rotate first, or revoke the client.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        secret.RevokedAt = now;
        client.UpdatedAt = now;
        await db.SaveClientAsync(client, check, ct);
        return ApiClientDto.From(client);
    }
}
