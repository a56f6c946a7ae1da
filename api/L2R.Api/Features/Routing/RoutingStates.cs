using L2R.Api.Features.Calendars;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Calendars;
using L2R.Domain.Leads;
using L2R.Domain.Routing;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Routing;

/// <summary>
/// Loads the <see cref="RoutingState"/> routing judges by, for the current tenant, in a handful of grouped queries: a
/// single move and a page of a batch pay the same, once. Inactive users are left out of every team.
/// </summary>
public sealed class RoutingStates(L2RDbContext db, CalendarStore calendars)
{
    /// <summary>Weighted round robin balances what each member received over this many days.</summary>
    public const int RotationWindowDays = 30;

    public async Task<RoutingState> LoadAsync(LeadState stage, DateTime now, CancellationToken ct)
    {
        var calendar = await calendars.GetAsync(ct);
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
        if (teams.Count == 0)
        {
            return new RoutingState([], new Dictionary<Guid, string>(), new Dictionary<Guid, MemberAvailability>(), new RoutingLoad(), calendar);
        }

        var people = teams.SelectMany(t => t.Members.Select(m => m.UserId)).Concat(teams.Select(t => t.LeadUserId).OfType<Guid>()).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.IsActive }).ToListAsync(ct);
        var active = users.Where(u => u.IsActive).Select(u => u.Id).ToHashSet();
        foreach (var team in teams)
        {
            team.Members.RemoveAll(m => !active.Contains(m.UserId));
        }

        var availability = (await db.Availabilities.AsNoTracking().Where(a => people.Contains(a.UserId)).ToListAsync(ct))
            .ToDictionary(a => a.UserId, a => new MemberAvailability(a.Hours, a.OutOfOffice));
        var open = await db.Leads.AsNoTracking()
            .Where(l => l.State == stage && l.OwnerId != null && people.Contains(l.OwnerId.Value))
            .GroupBy(l => l.OwnerId!.Value)
            .Select(g => new { User = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.User, g => g.Count, ct);
        var dayStart = StartOfDay(calendar, now);
        var today = await db.LeadAssignments.AsNoTracking()
            .Where(a => a.UserId != null && a.OccurredAt >= dayStart)
            .GroupBy(a => a.UserId!.Value)
            .Select(g => new { User = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.User, g => g.Count, ct);
        var since = now.AddDays(-RotationWindowDays);
        var received = await db.LeadAssignments.AsNoTracking()
            .Where(a => a.UserId != null && a.TeamId != null && a.OccurredAt >= since)
            .GroupBy(a => new { Team = a.TeamId!.Value, User = a.UserId!.Value })
            .Select(g => new { g.Key.Team, g.Key.User, Count = g.Count() })
            .ToListAsync(ct);

        return new RoutingState(
            teams,
            users.ToDictionary(u => u.Id, u => u.DisplayName),
            availability,
            new RoutingLoad { Open = open, Today = today, Received = received.ToDictionary(r => (r.Team, r.User), r => r.Count) },
            calendar);
    }

    /// <summary>Midnight of the tenant's current day, in UTC: daily caps count from it.</summary>
    public static DateTime StartOfDay(BusinessCalendar calendar, DateTime now)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(calendar.TimeZone);
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(now, DateTimeKind.Utc), zone);
        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local.Date, DateTimeKind.Unspecified), zone);
    }
}
