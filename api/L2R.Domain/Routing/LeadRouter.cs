using System.Globalization;
using L2R.Domain.Agreements;
using L2R.Domain.Calendars;
using L2R.Domain.Leads;
using L2R.Domain.Slas;

namespace L2R.Domain.Routing;

/// <summary>A member routing passed over, and why ("at capacity 20/20").</summary>
public sealed record SkippedMember(Guid UserId, string Name, string Reason);

/// <summary>
/// Where a lead goes: a team and a member, or the team's queue when nobody can take it (<see cref="AssigneeId"/> null);
/// <see cref="MissesSla"/> when nobody could act before <see cref="DueAt"/> and the member who can act soonest got it.
/// </summary>
public sealed record RoutingDecision(
    Guid TeamId,
    Guid? AssigneeId,
    IReadOnlyList<SkippedMember> Skipped,
    DateTime? DueAt,
    bool MissesSla,
    string Reason);

/// <summary>
/// Routing as pure logic over a <see cref="RoutingState"/>: the first rule matching the lead names a team (else the
/// fallback); the team's members at capacity or without working hours are skipped; of the others, those who can act
/// before the SLA falls due on their own hours (working, not out of office) are kept and one is chosen by the team's
/// distribution, so weights still hold. When nobody can meet the SLA the member who can act soonest gets the lead and
/// the decision says so (the caller escalates at once). When nobody can take it at all, it waits in the team's queue.
/// </summary>
public sealed class LeadRouter(RoutingRules rules, IReadOnlyList<SlaTerm> terms, RoutingState state)
{
    private static readonly IReadOnlySet<Guid> NoOne = new HashSet<Guid>();

    /// <summary>Where a lead entering the routing stage goes, or null when no rule matches and there is no fallback.</summary>
    public RoutingDecision? Route(LeadFacts facts)
    {
        var window = SlaWindow(facts);
        var rule = rules.Match(facts);
        RoutingDecision? first = null;
        var prefix = "";
        if (rule is not null && state.TeamOf(rule.TeamId) is { } team)
        {
            first = Decide(team, rule.Distribution, window, NoOne);
            if (first.AssigneeId is not null)
            {
                return first;
            }

            prefix = first.Reason + "; ";
        }
        else
        {
            prefix = rule is null ? "No routing rule matched; " : "The rule's team no longer exists; ";
        }

        if (rules.FallbackTeamId is { } fallbackId && fallbackId != rule?.TeamId && state.TeamOf(fallbackId) is { } fallbackTeam)
        {
            var fallback = Decide(fallbackTeam, rules.FallbackDistribution, window, NoOne);
            if (fallback.AssigneeId is not null || first is null)
            {
                return Queued(fallback with { Reason = $"{prefix}fallback {fallback.Reason}" });
            }
        }

        return first is null ? null : Queued(first);
    }

    private static RoutingDecision Queued(RoutingDecision decision) =>
        decision.AssigneeId is null ? decision with { Reason = decision.Reason + "; waiting in the team's queue" } : decision;

    /// <summary>Another member of the lead's team for a lead whose SLA was missed, never one who already had it; null when there is none.</summary>
    public RoutingDecision? Reassign(LeadFacts facts, IReadOnlySet<Guid> hadTheLead)
    {
        if (state.TeamOf(facts.Lead.TeamId) is not { } team)
        {
            return null;
        }

        var distribution = rules.Rules.FirstOrDefault(r => r.TeamId == team.Id)?.Distribution ?? rules.FallbackDistribution;
        var decision = Decide(team, distribution, (facts.Now, facts.Now), hadTheLead);
        return decision.AssigneeId is null ? null : decision;
    }

    /// <summary>
    /// When the SLA of the routing stage would start (the next working instant, for business-hour terms) and fall due;
    /// without a term, a member must be able to act as it starts.
    /// </summary>
    private (DateTime Start, DateTime Due) SlaWindow(LeadFacts facts)
    {
        var term = terms.FirstOrDefault(t => t.StartStage == rules.AssignOnEntry && t.TargetHours > 0);
        var start = term?.Basis == SlaTimeBasis.CalendarHours ? facts.Now : NextWorkingInstant(state.Calendar, facts.Now) ?? facts.Now;
        if (term is null)
        {
            return (start, start);
        }

        var clock = SlaClock.Start(facts.Lead, term, 0, facts.Now, state.Calendar);
        return (start, clock.DueAt ?? start);
    }

    private RoutingDecision Decide(Team team, Distribution distribution, (DateTime Start, DateTime Due) window, IReadOnlySet<Guid> exclude)
    {
        var load = state.Load;
        var skipped = new List<SkippedMember>();
        var candidates = new List<(TeamMember Member, int Order, DateTime ActAt)>();
        foreach (var (member, order) in team.Members.Select((m, i) => (m, i)))
        {
            var name = state.NameOf(member.UserId);
            string? skip = null;
            if (exclude.Contains(member.UserId))
            {
                skip = "already had the lead";
            }
            else if (member.MaxOpenLeads is { } open && load.OpenOf(member.UserId) >= open)
            {
                skip = $"at capacity {load.OpenOf(member.UserId)}/{open}";
            }
            else if (member.MaxNewLeadsPerDay is { } daily && load.TodayOf(member.UserId) >= daily)
            {
                skip = $"daily cap {load.TodayOf(member.UserId)}/{daily}";
            }
            else if (member.Weight <= 0)
            {
                skip = "weight 0";
            }
            else if (state.AvailabilityOf(member.UserId).OutOfOffice.FirstOrDefault(o => o.Covers(window.Start)) is { } away)
            {
                skip = $"out of office until {Show(away.To)}";
            }
            else if (EarliestAct(member.UserId, window.Start) is { } actAt)
            {
                candidates.Add((member, order, actAt));
            }
            else
            {
                skip = "no working hours";
            }

            if (skip is not null)
            {
                skipped.Add(new SkippedMember(member.UserId, name, skip));
            }
        }

        var label = distribution == Distribution.LeastLoaded ? "least loaded" : "weighted round robin";
        if (candidates.Count == 0)
        {
            return new RoutingDecision(team.Id, null, skipped, window.Due, false,
                Join($"{team.Name}: nobody free", skipped, window.Due));
        }

        var inTime = candidates.Where(c => c.ActAt <= window.Due).ToList();
        var missesSla = inTime.Count == 0;
        var pool = missesSla ? candidates.Where(c => c.ActAt == candidates.Min(s => s.ActAt)).ToList() : inTime;
        var chosen = Choose(team, distribution, pool);
        foreach (var late in candidates.Where(c => !pool.Contains(c)))
        {
            skipped.Add(new SkippedMember(late.Member.UserId, state.NameOf(late.Member.UserId), Away(late.Member.UserId, window.Start, late.ActAt)));
        }

        var reason = $"{team.Name}: {state.NameOf(chosen.Member.UserId)}, {label}";
        if (missesSla)
        {
            reason += $"; nobody can act before the due time, {state.NameOf(chosen.Member.UserId)} can act soonest ({Show(chosen.ActAt)}), escalated to the team lead";
        }

        return new RoutingDecision(team.Id, chosen.Member.UserId, skipped, window.Due, missesSla, Join(reason, skipped, window.Due));
    }

    /// <summary>
    /// Weighted round robin: the member furthest below their weighted share of what the team routed in the window
    /// (received ÷ weight; ties to the heavier weight, then the team's order). Least loaded: the fewest open leads first.
    /// </summary>
    private (TeamMember Member, int Order, DateTime ActAt) Choose(Team team, Distribution distribution, List<(TeamMember Member, int Order, DateTime ActAt)> pool)
    {
        var load = state.Load;
        var ordered = distribution == Distribution.LeastLoaded
            ? pool.OrderBy(c => load.OpenOf(c.Member.UserId)).ThenBy(c => (double)load.ReceivedOf(team.Id, c.Member.UserId) / c.Member.Weight)
            : pool.OrderBy(c => (double)load.ReceivedOf(team.Id, c.Member.UserId) / c.Member.Weight);
        return ordered.ThenByDescending(c => c.Member.Weight).ThenBy(c => c.Order).First();
    }

    /// <summary>The first instant at or after <paramref name="from"/> within the member's own hours and not out of office; null without working hours.</summary>
    private DateTime? EarliestAct(Guid user, DateTime from)
    {
        var availability = state.AvailabilityOf(user);
        var calendar = state.Calendar with { Hours = availability.Hours ?? state.Calendar.Hours };
        var at = from;

        // Each absence found moves the instant past it; a few rounds cover back-to-back absences.
        for (var round = 0; round < 32; round++)
        {
            if (NextWorkingInstant(calendar, at) is not { } working)
            {
                return null;
            }

            if (availability.OutOfOffice.FirstOrDefault(o => o.Covers(working)) is not { } away)
            {
                return working;
            }

            at = away.To;
        }

        return null;
    }

    private string Away(Guid user, DateTime start, DateTime actAt) =>
        state.AvailabilityOf(user).OutOfOffice.Any(o => o.From < actAt && o.To > start)
            ? $"away until {Show(actAt)}"
            : $"off hours until {Show(actAt)}";

    private static DateTime? NextWorkingInstant(BusinessCalendar calendar, DateTime from)
    {
        try
        {
            return calendar.AddBusinessTime(from, TimeSpan.Zero);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private string Join(string head, IReadOnlyList<SkippedMember> skipped, DateTime due)
    {
        var parts = new List<string> { head };
        parts.AddRange(skipped.Select(s => $"{s.Name} skipped: {s.Reason}"));
        parts.Add($"due {Show(due)}");
        return string.Join("; ", parts);
    }

    /// <summary>An instant as the tenant reads it: "Tue 10:30 Europe/Berlin".</summary>
    private string Show(DateTime utc)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(state.Calendar.TimeZone);
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        return $"{local.ToString("ddd HH:mm", CultureInfo.InvariantCulture)} {state.Calendar.TimeZone}";
    }
}
