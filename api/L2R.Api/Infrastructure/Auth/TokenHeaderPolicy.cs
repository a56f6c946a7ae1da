using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace L2R.Api.Infrastructure.Auth;

/// <summary>
/// Only the header L2R and its OpenIddict server write: <c>alg</c>, <c>typ</c> and <c>kid</c>. RFC 7515 §4.1.11 makes a
/// recipient refuse a <c>crit</c> naming an extension it does not understand, and L2R understands none; headers that
/// point at a key elsewhere (<c>jku</c>, <c>x5u</c>) or carry one (<c>jwk</c>, <c>x5c</c>) are never honoured, so a token
/// bearing them was not issued here and is refused rather than read past.
/// </summary>
public static class TokenHeaderPolicy
{
    private static readonly HashSet<string> Issued = ["alg", "typ", "kid"];

    /// <summary>The header check, then <paramref name="next"/> for a token that passes it.</summary>
    public static Func<TokenValidatedContext, Task> ThenAsync(Func<TokenValidatedContext, Task> next) => context =>
    {
        if (Violation(context.SecurityToken) is { } why)
        {
            context.Fail(why);
            return Task.CompletedTask;
        }

        return next(context);
    };

    public static string? Violation(SecurityToken token)
    {
        if (token is not JsonWebToken jwt)
        {
            return "The token is not a compact JWT.";
        }

        using var header = JsonDocument.Parse(Base64UrlEncoder.Decode(jwt.EncodedHeader));
        var unknown = header.RootElement.EnumerateObject().Select(p => p.Name).Where(name => !Issued.Contains(name)).ToList();
        return unknown.Count == 0 ? null : $"The token's header carries {string.Join(", ", unknown)}, which this API does not accept.";
    }
}
