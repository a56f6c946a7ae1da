using System.Collections.Concurrent;
using L2R.Api.Infrastructure.Auth;
using Microsoft.AspNetCore.SignalR;

namespace L2R.Api.Infrastructure.Live;

/// <summary>
/// This instance's open board connections by caller (a user, or an API client), so that when a caller loses access the
/// instances holding its connections can close them: each instance hears of the change (<see cref="AccessBroadcast"/>)
/// and closes its own.
/// </summary>
public sealed class BoardConnections
{
    private readonly ConcurrentDictionary<string, (Guid TenantId, Guid CallerId, HubCallerContext Context)> _open = new();

    public void Add(Guid tenantId, Guid callerId, HubCallerContext context) => _open[context.ConnectionId] = (tenantId, callerId, context);

    public bool Remove(HubCallerContext context) => _open.TryRemove(context.ConnectionId, out _);

    /// <summary>
    /// Closes the caller's connections that <paramref name="stillAllowed"/> refuses (by the connection's token, so an
    /// API client keeps the connections of the secrets it still holds); answers how many it closed.
    /// </summary>
    public int Close(Guid tenantId, Guid callerId, Func<HubCallerContext, bool> stillAllowed)
    {
        var closed = 0;
        foreach (var (_, open) in _open.Where(c => c.Value.TenantId == tenantId && c.Value.CallerId == callerId))
        {
            if (!stillAllowed(open.Context))
            {
                open.Context.Abort();
                closed++;
            }
        }

        return closed;
    }

    /// <summary>The secret a client-credentials connection's token was issued for.</summary>
    public static Guid? SecretOf(HubCallerContext context) =>
        Guid.TryParse(context.User?.FindFirst(ClientCredentialsGrant.SecretIdClaim)?.Value, out var secret) ? secret : null;
}
