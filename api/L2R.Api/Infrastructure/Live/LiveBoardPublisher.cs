using L2R.Api.Features.Board;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Tenancy;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Infrastructure.Live;

/// <summary>
/// Sends what <see cref="LiveBoardChanges"/> saw commit to the tenant's boards: takes whatever has queued up, reads the
/// cards (as <c>GET /api/board</c> shows them) and who acted with one query each per tenant, then sends in commit
/// order. Off the request path; a push that fails is logged, never retried, since the write has committed and a board
/// that missed a push catches up when it reloads.
/// </summary>
public sealed class LiveBoardPublisher(LiveBoardQueue queue, ITenantScopes tenantScopes, IHubContext<BoardHub> hub, ILogger<LiveBoardPublisher> logger)
    : BackgroundService
{
    public const string LeadChanged = "leadChanged";
    public const string BoardReload = "boardReload";

    private const int MaxBatch = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<LiveCommit>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync(stoppingToken))
        {
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var commit))
            {
                batch.Add(commit);
            }

            foreach (var tenant in batch.GroupBy(c => c.TenantId))
            {
                try
                {
                    await PublishAsync(tenant.Key, tenant.ToList(), stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Pushing {Count} committed changes to the boards of tenant {TenantId} failed; they see them when they reload.", tenant.Count(), tenant.Key);
                }
            }

            batch.Clear();
        }
    }

    private async Task PublishAsync(Guid tenantId, IReadOnlyList<LiveCommit> commits, CancellationToken ct)
    {
        await using var scope = tenantScopes.Open(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<L2RDbContext>();

        // One connection for the cards, their clocks and the names, instead of a pooled connection (its reset and its
        // tenant setting, two round trips) per query.
        await db.Database.OpenConnectionAsync(ct);
        var shown = commits.SelectMany(c => c.Leads).Where(l => l.Kind is not (LeadChangeKinds.Deleted or LeadChangeKinds.Merged)).Select(l => l.LeadId).ToHashSet();
        var cards = shown.Count == 0 ? new Dictionary<Guid, CardDto>() : await BoardPages.CardsAsync(db, shown, ct);
        var names = await NamesAsync(db, commits, ct);
        var group = hub.Clients.Group(BoardHub.TenantGroup(tenantId));
        foreach (var commit in commits)
        {
            if (commit.Reload is { } reload)
            {
                var actor = Name(names, commit.ScopeActor) ?? commit.SystemActor ?? SystemNameFor(reload.Reason);
                await group.SendAsync(BoardReload, new BoardReloadMessage(reload.States, reload.Reason, actor, commit.At), ct);
                continue;
            }

            foreach (var lead in commit.Leads)
            {
                var card = cards.GetValueOrDefault(lead.LeadId);
                var from = lead.FromState ?? (lead.Kind == LeadChangeKinds.Created ? null : card?.State);
                var actor = Name(names, lead.Actor) ?? commit.SystemActor ?? SystemNameFor(lead.Kind);
                await group.SendAsync(LeadChanged, new LeadChangeMessage(lead.LeadId, lead.Kind, from, card, actor, commit.At), ct);
            }
        }
    }

    private static async Task<Dictionary<Guid, string>> NamesAsync(L2RDbContext db, IReadOnlyList<LiveCommit> commits, CancellationToken ct)
    {
        var actors = commits.SelectMany(c => c.Leads.Select(l => l.Actor).Append(c.ScopeActor)).OfType<LiveActor>().ToList();
        var userIds = actors.Select(a => a.UserId).OfType<Guid>().Distinct().ToList();
        var clientIds = actors.Select(a => a.ClientId).OfType<Guid>().Distinct().ToList();
        Dictionary<Guid, string> names = userIds.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        if (clientIds.Count > 0)
        {
            foreach (var client in await db.ApiClients.AsNoTracking().Where(c => clientIds.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
            {
                names[client.Id] = client.Name;
            }
        }

        return names;
    }

    private static string? Name(Dictionary<Guid, string> names, LiveActor? actor) =>
        actor?.UserId is { } user ? names.GetValueOrDefault(user) : actor?.ClientId is { } client ? names.GetValueOrDefault(client) : null;

    private static string SystemNameFor(string kind) => kind switch
    {
        LeadChangeKinds.Created or LeadChangeKinds.Moved => SystemActors.AutoAdvance,
        LeadChangeKinds.Sla => SystemActors.SlaCheck,
        BoardReloadReasons.Import => SystemActors.Import,
        BoardReloadReasons.Activation => SystemActors.Activation,
        _ => SystemActors.System,
    };
}
