using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace L2R.Api.Infrastructure.Auth;

/// <summary>
/// The public client id names its tenant (so the token endpoint looks the client up under the tenant filter, like a
/// refresh token); the secret carries 256 random bits and only its SHA-256 is stored, which is enough for a random
/// secret and cheap on every token request.
/// </summary>
public static class ClientCredentials
{
    private const string SecretPrefix = "l2r_cs_";

    public static string ClientIdOf(Guid tenantId, Guid clientId) => $"{tenantId:N}.{clientId:N}";

    public static (Guid TenantId, Guid ClientId)? Parse(string? clientId) =>
        clientId?.Split('.') is [var tenant, var client]
        && Guid.TryParseExact(tenant, "N", out var tenantId)
        && Guid.TryParseExact(client, "N", out var id)
            ? (tenantId, id)
            : null;

    public static (string Secret, string Hash, string Hint) NewSecret()
    {
        var secret = SecretPrefix + Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        return (secret, Hash(secret), secret[^4..]);
    }

    public static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool Matches(string secret, string hash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(hash));
}
