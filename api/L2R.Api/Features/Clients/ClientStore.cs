using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Clients;

/// <summary>Loads a client with its secrets (404 when unknown or another tenant's) and saves a change to it.</summary>
public static class ClientStore
{
    public static async Task<ApiClient> FindClientAsync(this L2RDbContext db, Guid id, CancellationToken ct) =>
        await db.ApiClients.Include(c => c.Secrets).FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("API client", id);

    /// <summary>Saves, then tells the per-request check, so the change applies from the client's next request on.</summary>
    public static async Task SaveClientAsync(this L2RDbContext db, ApiClient client, ActiveUserCheck check, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        check.Remember(client);
    }

    /// <summary>Added to the context explicitly: its id is set, so found through the client alone EF would take it for an existing row.</summary>
    public static IssuedClientSecretDto AddSecret(this L2RDbContext db, ApiClient client, DateTime now)
    {
        var (secret, hash, hint) = ClientCredentials.NewSecret();
        var row = new ApiClientSecret { TenantId = client.TenantId, ApiClientId = client.Id, SecretHash = hash, Hint = hint, CreatedAt = now };
        client.Secrets.Add(row);
        db.ApiClientSecrets.Add(row);
        client.UpdatedAt = now;
        return new IssuedClientSecretDto(ApiClientDto.From(client), row.Id, secret);
    }
}
