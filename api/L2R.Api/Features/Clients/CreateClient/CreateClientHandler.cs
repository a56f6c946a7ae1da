using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using Mediator;

namespace L2R.Api.Features.Clients.CreateClient;

public sealed class CreateClientHandler(L2RDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CreateClientCommand, IssuedClientSecretDto>
{
    public async ValueTask<IssuedClientSecretDto> Handle(CreateClientCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var client = new ApiClient
        {
            TenantId = user.TenantId!.Value,
            Name = command.Name.Trim(),
            Scopes = string.Join(' ', ApiScopes.All.Where(command.Scopes.Contains)),
            CreatedAt = now,
            CreatedBy = user.UserId,
        };
        db.ApiClients.Add(client);
        var issued = db.AddSecret(client, now);
        await db.SaveChangesAsync(ct);
        return issued;
    }
}
