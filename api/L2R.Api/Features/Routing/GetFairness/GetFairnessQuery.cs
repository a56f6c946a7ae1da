using FluentValidation;
using L2R.Api.Features.Leads;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Leads;
using L2R.Domain.Routing;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Routing.GetFairness;

/// <summary>The fairness ledger over [<paramref name="From"/>, <paramref name="To"/>); both default to the last 30 days.</summary>
public sealed record GetFairnessQuery(DateTime? From, DateTime? To) : IQuery<FairnessDto>;

/// <summary>
/// One member's line: their share of the team by weight; what routing gave them; credits for leads that came back
/// (they rejected or recycled them, or a reassignment took them away), which do not count as served
/// (<see cref="Net"/> = received − credits); <see cref="Expected"/>, their share of the team's net leads; and
/// <see cref="Balance"/> = net − expected, negative when the rotation owes them leads. A team's balances add up to 0.
/// </summary>
public sealed record MemberFairnessDto(
    Guid UserId,
    string Name,
    int Weight,
    double Share,
    double Expected,
    int Received,
    int Rejected,
    int Recycled,
    int ReassignedAway,
    int Credits,
    int Net,
    double Balance);

/// <summary>A team's line: leads it routed in the period and, net of those that came back, what it served.</summary>
public sealed record TeamFairnessDto(Guid TeamId, string Name, int Received, int Net, IReadOnlyList<MemberFairnessDto> Members);

public sealed record FairnessDto(DateTime From, DateTime To, IReadOnlyList<TeamFairnessDto> Teams);

public sealed class GetFairnessValidator : AbstractValidator<GetFairnessQuery>
{
    public GetFairnessValidator()
    {
        RuleFor(q => q.To).GreaterThan(q => q.From).When(q => q.From is not null && q.To is not null).WithMessage("The period ends after it starts.");
        RuleFor(q => q.To).Must((q, to) => to!.Value - q.From!.Value <= TimeSpan.FromDays(GetFairnessHandler.MaxDays))
            .When(q => q.From is not null && q.To is not null).WithMessage($"A period spans at most {GetFairnessHandler.MaxDays} days.");
    }
}

public sealed class GetFairnessHandler(L2RDbContext db, TimeProvider clock) : IQueryHandler<GetFairnessQuery, FairnessDto>
{
    public const int MaxDays = 366;

    public async ValueTask<FairnessDto> Handle(GetFairnessQuery query, CancellationToken ct)
    {
        var end = Utc(query.To) ?? clock.GetUtcNow().UtcDateTime;
        var start = Utc(query.From) ?? end.AddDays(-RoutingStates.RotationWindowDays);
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
        var inPeriod = db.LeadAssignments.AsNoTracking().Where(a => a.TeamId != null && a.OccurredAt >= start && a.OccurredAt < end);
        var received = await inPeriod.Where(a => a.UserId != null)
            .GroupBy(a => new { Team = a.TeamId!.Value, User = a.UserId!.Value })
            .Select(g => new { g.Key.Team, g.Key.User, Count = g.Count() })
            .ToListAsync(ct);
        var reassignedAway = await inPeriod.Where(a => a.Kind == AssignmentKind.Reassigned && a.PreviousOwnerId != null)
            .GroupBy(a => new { Team = a.TeamId!.Value, User = a.PreviousOwnerId!.Value })
            .Select(g => new { g.Key.Team, g.Key.User, Count = g.Count() })
            .ToListAsync(ct);
        var cameBack = await (
                from t in db.LeadTransitions.AsNoTracking()
                join l in db.Leads.AsNoTracking() on t.LeadId equals l.Id
                where t.OccurredAt >= start && t.OccurredAt < end && t.OwnerId != null && l.TeamId != null
                    && (t.Trigger == LeadTrigger.Reject || t.Trigger == LeadTrigger.Recycle)
                group t by new { Team = l.TeamId!.Value, User = t.OwnerId!.Value, t.Trigger } into g
                select new { g.Key.Team, g.Key.User, g.Key.Trigger, Count = g.Count() })
            .ToListAsync(ct);
        var names = await db.UserNamesAsync(teams.SelectMany(t => t.Members.Select(m => (Guid?)m.UserId)), ct);

        int Count<T>(IEnumerable<T> rows, Func<T, bool> match, Func<T, int> count) => rows.Where(match).Sum(count);

        return new FairnessDto(start, end, teams.Select(team =>
        {
            var total = Count(received, r => r.Team == team.Id, r => r.Count);
            var net = total - Count(cameBack, r => r.Team == team.Id, r => r.Count) - Count(reassignedAway, r => r.Team == team.Id, r => r.Count);
            var weights = team.Members.Sum(m => m.Weight);
            return new TeamFairnessDto(team.Id, team.Name, total, net, team.Members.Select(member =>
            {
                var share = weights == 0 ? 0 : (double)member.Weight / weights;
                var got = Count(received, r => r.Team == team.Id && r.User == member.UserId, r => r.Count);
                var rejected = Count(cameBack, r => r.Team == team.Id && r.User == member.UserId && r.Trigger == LeadTrigger.Reject, r => r.Count);
                var recycled = Count(cameBack, r => r.Team == team.Id && r.User == member.UserId && r.Trigger == LeadTrigger.Recycle, r => r.Count);
                var away = Count(reassignedAway, r => r.Team == team.Id && r.User == member.UserId, r => r.Count);
                var credits = rejected + recycled + away;
                var expected = net * share;
                return new MemberFairnessDto(
                    member.UserId, names.GetValueOrDefault(member.UserId, "a former user"), member.Weight, Math.Round(share, 4), Math.Round(expected, 2),
                    got, rejected, recycled, away, credits, got - credits, Math.Round(got - credits - expected, 2));
            }).ToList());
        }).ToList());
    }

    private static DateTime? Utc(DateTime? at) => at switch
    {
        null => null,
        { Kind: DateTimeKind.Local } local => local.ToUniversalTime(),
        var other => DateTime.SpecifyKind(other.Value, DateTimeKind.Utc),
    };
}
