using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace L2R.Api.Tests.Infrastructure;

/// <summary>Builds access tokens the way an attacker (or the API itself) would, to prove which ones the API refuses.</summary>
public static class TestTokens
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>The API's key, named by the <c>kid</c> the API gives it: a token must name the key it was signed with.</summary>
    public static SymmetricSecurityKey TestKey => Named(L2RApiFactory.SigningKey);

    public static SymmetricSecurityKey Named(string base64Key)
    {
        var bytes = Convert.FromBase64String(base64Key);
        return new SymmetricSecurityKey(bytes) { KeyId = Convert.ToHexString(SHA256.HashData(bytes))[..16] };
    }

    /// <summary>A key of the right size that the API has never seen.</summary>
    public static SymmetricSecurityKey OtherKey => new(SHA256.HashData(Encoding.UTF8.GetBytes("not the l2r test key")).Concat(new byte[32]).ToArray());

    public sealed record Options
    {
        public Guid UserId { get; init; } = Guid.NewGuid();
        public Guid TenantId { get; init; } = Guid.NewGuid();
        public string Email { get; init; } = "someone@example.test";
        public string Name { get; init; } = "Someone";
        public string[] Roles { get; init; } = ["Admin", "Marketing", "Sales"];
        public string Issuer { get; init; } = L2RApiFactory.Issuer;
        public string Audience { get; init; } = L2RApiFactory.Audience;
        public DateTime IssuedAt { get; init; } = DateTime.UtcNow.AddMinutes(-1);
        public DateTime? Expires { get; init; } = DateTime.UtcNow.AddMinutes(10);
        public SecurityKey? Key { get; init; } = TestKey;
    }

    public static Options For(ApiSession session, Guid userId) => new() { UserId = userId, TenantId = session.TenantId, Email = session.Email };

    public static string Create(Options o)
    {
        var claims = new List<Claim>
        {
            new("sub", o.UserId.ToString()),
            new("tid", o.TenantId.ToString()),
            new("email", o.Email),
            new("name", o.Name),
        };
        claims.AddRange(o.Roles.Select(r => new Claim("role", r)));
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = o.Issuer,
            Audience = o.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = o.IssuedAt,
            NotBefore = o.IssuedAt,
            Expires = o.Expires,
            SigningCredentials = o.Key is null ? null : new SigningCredentials(o.Key, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>The same claims with <c>alg: none</c> and no signature at all.</summary>
    public static string Unsigned(Options o)
    {
        var signed = Create(o);
        var payload = signed.Split('.')[1];
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        return $"{header}.{payload}.";
    }

    /// <summary>The same claims signed with the right key but with HMAC-SHA512, an algorithm the API does not accept.</summary>
    public static string SignedWithHs512(Options o)
    {
        var payload = Create(o).Split('.')[1];
        var header = Base64UrlEncoder.Encode("""{"alg":"HS512","typ":"JWT"}""");
        var signature = HMACSHA512.HashData(Convert.FromBase64String(L2RApiFactory.SigningKey), Encoding.ASCII.GetBytes($"{header}.{payload}"));
        return $"{header}.{payload}.{Base64UrlEncoder.Encode(signature)}";
    }

    /// <summary>
    /// The same claims under the API's header (<c>alg</c> HS256, <c>typ</c>, the key's <c>kid</c>) with
    /// <paramref name="extra"/> merged in, signed with HMAC-SHA256 by <paramref name="key"/> (the API's key unless
    /// given): the signature is genuine, so the header alone decides.
    /// </summary>
    public static string WithHeader(Options o, JsonObject extra, byte[]? key = null)
    {
        var header = new JsonObject { ["alg"] = "HS256", ["typ"] = "JWT", ["kid"] = TestKey.KeyId };
        foreach (var (name, value) in extra)
        {
            header[name] = value?.DeepClone();
        }

        var encodedHeader = Base64UrlEncoder.Encode(header.ToJsonString());
        var payload = Create(o).Split('.')[1];
        var signature = HMACSHA256.HashData(key ?? TestKey.Key, Encoding.ASCII.GetBytes($"{encodedHeader}.{payload}"));
        return $"{encodedHeader}.{payload}.{Base64UrlEncoder.Encode(signature)}";
    }

    /// <summary>The same claims signed RS256 with an attacker's RSA key, naming the API's <c>kid</c>: algorithm confusion.</summary>
    public static string SignedWithRsa(Options o)
    {
        using var rsa = RSA.Create(2048);
        var header = Base64UrlEncoder.Encode($$"""{"alg":"RS256","typ":"JWT","kid":"{{TestKey.KeyId}}"}""");
        var payload = Create(o).Split('.')[1];
        var signature = rsa.SignData(Encoding.ASCII.GetBytes($"{header}.{payload}"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{header}.{payload}.{Base64UrlEncoder.Encode(signature)}";
    }

    /// <summary>Rewrites one claim of a signed token's payload and keeps the original signature.</summary>
    public static string WithClaim(string token, string claim, string value)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        payload[claim] = value;
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";
    }

    /// <summary>The claims of a token, read without validating it.</summary>
    public static JsonObject Payload(string token) => JsonNode.Parse(Base64UrlEncoder.Decode(token.Split('.')[1]))!.AsObject();
}
