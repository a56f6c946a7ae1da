using L2R.Api.Features.Slas;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Leads;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Leads;

/// <summary>Reads shared by the lead use cases: a lead by id (404 when unknown or another tenant's) and names for DTOs.</summary>
public static class LeadReads
{
    /// <summary>Leads not yet Won, Lost or Disqualified, as SQL (the domain's <see cref="LeadStates.Closed"/> set does not translate).</summary>
    public static IQueryable<Lead> Open(this IQueryable<Lead> leads) =>
        leads.Where(l => l.State != LeadState.Won && l.State != LeadState.Lost && l.State != LeadState.Disqualified);

    public static async Task<Lead> FindLeadAsync(this L2RDbContext db, Guid id, CancellationToken ct) =>
        await db.Leads.FirstOrDefaultAsync(l => l.Id == id, ct) ?? throw await db.LeadNotFoundAsync(id, ct);

    /// <summary>A lead to read, not to write: untracked, so scoring it as of now changes nothing.</summary>
    public static async Task<Lead> ReadLeadAsync(this L2RDbContext db, Guid id, CancellationToken ct) =>
        await db.Leads.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct) ?? throw await db.LeadNotFoundAsync(id, ct);

    public static async Task EnsureLeadExistsAsync(this L2RDbContext db, Guid id, CancellationToken ct)
    {
        if (!await db.Leads.AnyAsync(l => l.Id == id, ct))
        {
            throw await db.LeadNotFoundAsync(id, ct);
        }
    }

    /// <summary>
    /// The 404 for a lead id: a lead merged into another says which (<c>mergedInto</c>, <c>location</c>), so links to it
    /// still lead somewhere; any other id, this tenant's or not, gets the plain 404.
    /// </summary>
    public static async Task<NotFoundException> LeadNotFoundAsync(this L2RDbContext db, Guid id, CancellationToken ct) =>
        await db.MergedLeads.AsNoTracking().Where(m => m.Id == id).Select(m => (Guid?)m.SurvivorId).FirstOrDefaultAsync(ct) is { } survivor
            ? new NotFoundException("Lead", id, $"Lead {id} was merged into lead {survivor}.", new Dictionary<string, object?>
            {
                ["mergedInto"] = survivor,
                ["location"] = $"/api/leads/{survivor}",
            })
            : new NotFoundException("Lead", id);

    public static async Task<IReadOnlyDictionary<Guid, string>> UserNamesAsync(this L2RDbContext db, IEnumerable<Guid?> ids, CancellationToken ct)
    {
        var wanted = ids.OfType<Guid>().Distinct().ToList();
        if (wanted.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }

        return await db.Users.AsNoTracking()
            .Where(u => wanted.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName })
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }

    /// <summary>Names of users and API clients by id (ids never collide); clients are looked up only when some are asked for.</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> ActorNamesAsync(this L2RDbContext db, IEnumerable<Guid?> userIds, IEnumerable<Guid?> clientIds, CancellationToken ct)
    {
        var names = await db.UserNamesAsync(userIds, ct);
        var clients = clientIds.OfType<Guid>().Distinct().ToList();
        if (clients.Count == 0)
        {
            return names;
        }

        var all = new Dictionary<Guid, string>(names);
        foreach (var client in await db.ApiClients.AsNoTracking().Where(c => clients.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
        {
            all[client.Id] = client.Name;
        }

        return all;
    }

    /// <summary>Who did it, by name: a user, an API client, or null when neither (the system).</summary>
    public static string? ActorName(Guid? userId, Guid? clientId, IReadOnlyDictionary<Guid, string> names) =>
        (userId, clientId) switch
        {
            ({ } user, _) => names.GetValueOrDefault(user, "former user"),
            (_, { } client) => names.GetValueOrDefault(client, "former API client"),
            _ => null,
        };

    public static async Task<LeadMovesDto> ToMovesDtoAsync(this L2RDbContext db, Lead lead, IReadOnlyList<LeadTransition> transitions, CancellationToken ct)
    {
        var names = await db.ActorNamesAsync(transitions.Select(t => t.ActorUserId).Append(lead.OwnerId), transitions.Select(t => t.ActorClientId), ct);
        return new LeadMovesDto(
            LeadDto.From(lead, lead.OwnerId is { } owner ? names.GetValueOrDefault(owner) : null, await db.SummaryAsync(lead.Id, ct)),
            transitions.Select(t => HistoryEntryDto.Of(t, names)).ToList());
    }

    public static string? Normalize(string? email) => string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();
}
