using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using Mediator;

namespace L2R.Api.Features.Clients.RotateClientSecret;

/// <summary>404 for an unknown client, 409 when it is revoked or already holds two secrets (end the older one first).</summary>
public sealed class RotateClientSecretHandler(L2RDbContext db, TimeProvider clock, ActiveUserCheck check) : ICommandHandler<RotateClientSecretCommand, IssuedClientSecretDto>
{
    public const int MaxActiveSecrets = 2;

    public async ValueTask<IssuedClientSecretDto> Handle(RotateClientSecretCommand command, CancellationToken ct)
    {
        var client = await db.FindClientAsync(command.ClientId, ct);
        if (!client.IsActive)
        {
            throw new ConflictException("The API client is revoked.");
        }

        if (client.Secrets.Count(s => s.RevokedAt is null) >= MaxActiveSecrets)
        {
            throw new ConflictException($"The client already holds {MaxActiveSecrets} secrets; end the older one before rotating again.");
        }

        var issued = db.AddSecret(client, clock.GetUtcNow().UtcDateTime);
        await db.SaveClientAsync(client, check, ct);
        return issued with { Client = ApiClientDto.From(client) };
    }
}
