using L2R.Api.Features.Agreements;
using L2R.Api.Features.Leads;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Routing;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Teams;

internal static class TeamReads
{
    public const int QueueShown = 50;

    public static async Task<Team> FindTeamAsync(this L2RDbContext db, Guid id, CancellationToken ct) =>
        await db.Teams.SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("Team", id);

    /// <summary>The teams as their DTOs, with names, open leads in the routing stage and queues read in one query each.</summary>
    public static async Task<IReadOnlyList<TeamDto>> ToDtosAsync(this L2RDbContext db, AgreementStore agreements, IReadOnlyList<Team> teams, CancellationToken ct)
    {
        var routing = (await agreements.GetActiveAsync(ct)).Agreement.Routing;
        var routed = routing.TeamIds().ToHashSet();
        var people = teams.SelectMany(t => t.Members.Select(m => (Guid?)m.UserId).Append(t.LeadUserId)).ToList();
        var names = await db.UserNamesAsync(people, ct);
        var ids = people.OfType<Guid>().ToList();
        var open = await db.Leads.AsNoTracking()
            .Where(l => l.State == routing.AssignOnEntry && l.OwnerId != null && ids.Contains(l.OwnerId.Value))
            .GroupBy(l => l.OwnerId!.Value)
            .Select(g => new { User = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.User, g => g.Count, ct);
        var teamIds = teams.Select(t => t.Id).ToList();
        var waiting = await db.Leads.AsNoTracking()
            .Where(l => l.QueuedAt != null && l.OwnerId == null && l.TeamId != null && teamIds.Contains(l.TeamId.Value))
            .GroupBy(l => l.TeamId!.Value)
            .Select(g => new { Team = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Team, g => g.Count, ct);

        var dtos = new List<TeamDto>();
        foreach (var team in teams)
        {
            var queue = waiting.GetValueOrDefault(team.Id) == 0
                ? []
                : await db.Leads.AsNoTracking()
                    .Where(l => l.TeamId == team.Id && l.QueuedAt != null && l.OwnerId == null)
                    .OrderBy(l => l.QueuedAt).ThenBy(l => l.Id)
                    .Take(QueueShown)
                    .Select(l => new QueuedLeadDto(l.Id, l.DisplayName, l.QueuedAt!.Value))
                    .ToListAsync(ct);
            dtos.Add(new TeamDto(
                team.Id,
                team.Name,
                team.LeadUserId,
                team.LeadUserId is { } lead ? names.GetValueOrDefault(lead) : null,
                team.Members.Select(m => new TeamMemberDto(m.UserId, names.GetValueOrDefault(m.UserId, "a former user"), m.Weight, m.MaxOpenLeads, m.MaxNewLeadsPerDay, open.GetValueOrDefault(m.UserId))).ToList(),
                waiting.GetValueOrDefault(team.Id),
                queue,
                routed.Contains(team.Id),
                team.Version));
        }

        return dtos;
    }

    public static async Task<TeamDto> ToDtoAsync(this L2RDbContext db, AgreementStore agreements, Team team, CancellationToken ct) =>
        (await db.ToDtosAsync(agreements, [team], ct))[0];
}
