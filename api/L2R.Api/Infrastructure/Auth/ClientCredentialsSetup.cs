using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace L2R.Api.Infrastructure.Auth;

public static class ClientCredentialsSetup
{
    public const string TokenPath = "/connect/token";

    /// <summary>
    /// OpenIddict's server for the client-credentials grant only, in degraded mode (clients live in the tenant's own
    /// tables, see <see cref="ClientCredentialsGrant"/>), issuing unencrypted JWTs signed with the API's key so the one
    /// JwtBearer scheme validates every token.
    /// </summary>
    public static IServiceCollection AddClientCredentials(this IServiceCollection services)
    {
        services.AddOpenIddict().AddServer(options =>
        {
            options.SetTokenEndpointUris(TokenPath.TrimStart('/'));
            options.AllowClientCredentialsFlow();
            options.EnableDegradedMode();
            options.DisableTokenStorage();
            options.DisableAccessTokenEncryption();
            options.RegisterScopes([.. ApiScopes.All]);
            options.AddEventHandler<ValidateTokenRequestContext>(handler => handler.UseScopedHandler<ClientCredentialsGrant>());
            options.AddEventHandler<HandleTokenRequestContext>(handler => handler.UseScopedHandler<ClientCredentialsGrant>());
            options.AddEventHandler(UseConfiguredIssuer.Descriptor);

            // TLS ends in front of the app (App Service), as for the password sign-in.
            options.UseAspNetCore().DisableTransportSecurityRequirement();
        });

        services.AddOptions<OpenIddictServerOptions>().Configure<SigningKeyProvider, IOptions<AuthOptions>>((options, keys, auth) =>
        {
            // OpenIddict signs access tokens with a symmetric key when it has one (it sorts them first) but insists on
            // holding an asymmetric key as well, for identity tokens this server never issues: a throwaway one will do.
            options.SigningCredentials.Add(new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256));
            options.SigningCredentials.Add(new SigningCredentials(new RsaSecurityKey(RSA.Create(2048)), SecurityAlgorithms.RsaSha256));

            // OpenIddict insists on an encryption key although no token it issues here is encrypted; derived, so every instance has the same one.
            var encryption = HKDF.DeriveKey(HashAlgorithmName.SHA256, keys.Key.Key, 32, info: "l2r-openiddict-encryption"u8.ToArray());
            options.EncryptionCredentials.Add(new EncryptingCredentials(new SymmetricSecurityKey(encryption), SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512));
            options.AccessTokenLifetime = TimeSpan.FromMinutes(auth.Value.AccessTokenMinutes);
        });
        return services;
    }
}
