using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Leads;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace L2R.Api.Infrastructure.Auth;

public sealed record IssuedAccessToken(string Token, DateTime ExpiresAt);

public sealed class TokenService(SigningKeyProvider keys, IOptions<AuthOptions> options)
{
    private static readonly JsonWebTokenHandler Handler = new();

    public IssuedAccessToken IssueAccessToken(User user, Tenant tenant, DateTime now)
    {
        var expires = now.AddMinutes(options.Value.AccessTokenMinutes);
        var claims = new List<Claim>
        {
            new(L2RClaims.UserId, user.Id.ToString()),
            new(L2RClaims.TenantId, tenant.Id.ToString()),
            new(L2RClaims.Email, user.Email),
            new(L2RClaims.Name, user.DisplayName),
            new("tenant", tenant.Slug),
        };
        claims.AddRange(RoleSet.ToList(user.Roles).Select(r => new Claim(L2RClaims.Role, r.ToString())));

        var token = Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256),
        });
        return new IssuedAccessToken(token, expires);
    }

    /// <summary>The refresh token names its tenant (so it can be looked up under the tenant filter) and carries 256 random bits; only a hash is stored.</summary>
    public static (string Token, string Hash) NewRefreshToken(Guid tenantId)
    {
        var secret = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var token = $"{tenantId:N}.{secret}";
        return (token, Hash(token));
    }

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static Guid? TenantOf(string refreshToken) =>
        refreshToken.Split('.') is [var tenant, _] && Guid.TryParseExact(tenant, "N", out var id) ? id : null;
}
