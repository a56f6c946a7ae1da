using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Telemetry;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace L2R.Api.Infrastructure.Live;

/// <summary>
/// The live board: the server pushes <c>leadChanged</c> and <c>boardReload</c> to every board of the tenant; clients
/// call nothing. The endpoint requires what <c>GET /api/board</c> does (a signed-in caller, <c>leads:read</c> for API
/// clients), and a connection joins its tenant's group and its user's from the token's claims, never by asking.
/// </summary>
[Authorize]
public sealed class BoardHub(BoardConnections connections, L2RMetrics metrics) : Hub
{
    public const string Path = "/hubs/board";

    public static string TenantGroup(Guid tenantId) => $"tenant:{tenantId}";

    public static string UserGroup(Guid userId) => $"user:{userId}";

    public override async Task OnConnectedAsync()
    {
        var user = Context.User;
        if (!Guid.TryParse(user?.FindFirst(L2RClaims.TenantId)?.Value, out var tenantId) || !Guid.TryParse(user.FindFirst(L2RClaims.UserId)?.Value, out var callerId))
        {
            Context.Abort();
            return;
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, TenantGroup(tenantId));
        await Groups.AddToGroupAsync(Context.ConnectionId, UserGroup(callerId));
        connections.Add(tenantId, callerId, Context);
        metrics.HubConnected();
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (connections.Remove(Context))
        {
            metrics.HubDisconnected();
        }

        await base.OnDisconnectedAsync(exception);
    }
}
