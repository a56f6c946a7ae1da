using System.Security.Claims;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace L2R.Api.Infrastructure.Auth;

/// <summary>
/// OpenIddict runs <c>POST /connect/token</c> (parsing, the grant-type and scope checks, errors, the signed JWT); this
/// is the part it leaves to the application in degraded mode: authenticating the client against the tenant's own
/// clients and secrets (a client may hold two secrets while a rotation overlaps) and choosing the token's claims, then
/// signing in the principal it validated.
/// </summary>
public sealed class ClientCredentialsGrant(ITenantScopes tenantScopes, IOptions<AuthOptions> auth, TimeProvider clock)
    : IOpenIddictServerHandler<ValidateTokenRequestContext>, IOpenIddictServerHandler<HandleTokenRequestContext>
{
    /// <summary>Names the secret the token was issued with, so ending that secret ends the token.</summary>
    public const string SecretIdClaim = "csid";

    private const string PrincipalProperty = "l2r:client-principal";

    public ValueTask HandleAsync(HandleTokenRequestContext context)
    {
        if (context.Request.IsClientCredentialsGrantType()
            && context.Transaction.GetProperty<ClaimsPrincipal>(PrincipalProperty) is { } principal)
        {
            context.SignIn(principal);
        }

        return default;
    }

    public async ValueTask HandleAsync(ValidateTokenRequestContext context)
    {
        var request = context.Request;
        if (!request.IsClientCredentialsGrantType())
        {
            return;
        }

        if (ClientCredentials.Parse(request.ClientId) is not var (tenantId, clientId))
        {
            context.Reject(Errors.InvalidClient, "The client id or secret is not valid.");
            return;
        }

        await using var scope = tenantScopes.Open(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<L2RDbContext>();
        var client = await db.ApiClients.Include(c => c.Secrets.Where(s => s.RevokedAt == null))
            .FirstOrDefaultAsync(c => c.Id == clientId && c.RevokedAt == null, context.CancellationToken);
        var secret = client?.Secrets.FirstOrDefault(s => ClientCredentials.Matches(request.ClientSecret ?? "", s.SecretHash));
        if (client is null || secret is null)
        {
            context.Reject(Errors.InvalidClient, "The client id or secret is not valid.");
            return;
        }

        var requested = request.GetScopes();
        var granted = requested.IsEmpty ? client.ScopeList : requested;
        if (granted.Except(client.ScopeList).ToList() is { Count: > 0 } missing)
        {
            context.Reject(Errors.InvalidScope, $"This client was not granted {string.Join(", ", missing)}.");
            return;
        }

        // Only the time it last got a token: written once per token, not once per request.
        var now = clock.GetUtcNow().UtcDateTime;
        await db.ApiClients.Where(c => c.Id == client.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastUsedAt, now), context.CancellationToken);

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, L2RClaims.Name, L2RClaims.Role);
        identity.SetClaim(Claims.Subject, client.Id.ToString())
            .SetClaim(L2RClaims.TenantId, tenantId.ToString())
            .SetClaim(L2RClaims.Name, client.Name)
            .SetClaim(SecretIdClaim, secret.Id.ToString());
        identity.SetScopes(granted).SetResources(auth.Value.Audience);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        context.Transaction.SetProperty(PrincipalProperty, new ClaimsPrincipal(identity));
    }
}

/// <summary>
/// OpenIddict writes its own issuer URI into <c>iss</c>; the API's bearer validation expects <c>Auth:Issuer</c>, the
/// issuer of every other token, so a client's token is validated exactly like a person's.
/// </summary>
public sealed class UseConfiguredIssuer(IOptions<AuthOptions> auth) : IOpenIddictServerHandler<ProcessSignInContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessSignInContext>()
            .UseSingletonHandler<UseConfiguredIssuer>()
            .SetOrder(OpenIddictServerHandlers.PrepareAccessTokenPrincipal.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ProcessSignInContext context)
    {
        context.AccessTokenPrincipal?.SetClaim(Claims.Private.Issuer, auth.Value.Issuer);
        return default;
    }
}
