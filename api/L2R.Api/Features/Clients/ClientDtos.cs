using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;

namespace L2R.Api.Features.Clients;

/// <summary>An API client as admins see it: never its secrets, only their hints.</summary>
public sealed record ApiClientDto(
    Guid Id,
    string ClientId,
    string Name,
    IReadOnlyList<string> Scopes,
    bool IsActive,
    DateTime CreatedAt,
    DateTime? LastUsedAt,
    DateTime? RevokedAt,
    int Version,
    IReadOnlyList<ApiClientSecretDto> Secrets)
{
    public static ApiClientDto From(ApiClient c) => new(
        c.Id, ClientCredentials.ClientIdOf(c.TenantId, c.Id), c.Name, c.ScopeList, c.IsActive, c.CreatedAt, c.LastUsedAt, c.RevokedAt, c.Version,
        c.Secrets.OrderBy(s => s.CreatedAt).Select(s => new ApiClientSecretDto(s.Id, s.Hint, s.CreatedAt, s.RevokedAt)).ToList());
}

/// <summary>A secret by its last four characters.</summary>
public sealed record ApiClientSecretDto(Guid Id, string Hint, DateTime CreatedAt, DateTime? RevokedAt);

/// <summary>The only answer that carries a secret in clear: it is shown once and never again.</summary>
public sealed record IssuedClientSecretDto(ApiClientDto Client, Guid SecretId, string ClientSecret);
