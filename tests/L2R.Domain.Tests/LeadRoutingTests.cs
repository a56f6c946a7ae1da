using L2R.Domain.Agreements;
using L2R.Domain.Calendars;
using L2R.Domain.Leads;
using L2R.Domain.Routing;

namespace L2R.Domain.Tests;

/// <summary>
/// Routing through the mover: a lead entering MQL is assigned in the same move, by the first matching rule's team and
/// its distribution, skipping members who are away or at capacity (with the reason recorded), falling back or queueing
/// when nobody can take it, and preferring members who can act within the SLA on their own hours.
/// </summary>
public sealed class LeadRoutingTests
{
    /// <summary>Monday 2 June 2025, 10:00 UTC: inside the default calendar's hours (Monday to Friday, 09:00–17:00 UTC).</summary>
    private static readonly DateTime Monday10 = new(2025, 6, 2, 10, 0, 0, DateTimeKind.Utc);

    private static readonly Guid Anna = Guid.Parse("a0000000-0000-0000-0000-00000000000a");
    private static readonly Guid Ben = Guid.Parse("b0000000-0000-0000-0000-00000000000b");
    private static readonly Guid Sofia = Guid.Parse("c0000000-0000-0000-0000-00000000000c");
    private static readonly Guid Lena = Guid.Parse("d0000000-0000-0000-0000-00000000000d");

    private static readonly Dictionary<Guid, string> Names = new() { [Anna] = "Anna", [Ben] = "Ben", [Sofia] = "Sofia", [Lena] = "Lena" };

    private static Team TeamOf(string name, params TeamMember[] members) => new() { Name = name, Members = [.. members], LeadUserId = Lena };

    private static TeamMember Member(Guid user, int weight = 1, int? maxOpen = null, int? maxPerDay = null) =>
        new() { UserId = user, Weight = weight, MaxOpenLeads = maxOpen, MaxNewLeadsPerDay = maxPerDay };

    private static LeadAgreement Routed(params RoutingRule[] rules) => Routed(null, rules);

    private static LeadAgreement Routed(Guid? fallback, params RoutingRule[] rules) =>
        DefaultAgreement.Create() with { Routing = new RoutingRules { Rules = rules, FallbackTeamId = fallback } };

    private static RoutingRule Rule(string id, Team team, params Criterion[] conditions) => new() { Id = id, Name = id, TeamId = team.Id, Conditions = conditions };

    private static RoutingState State(IReadOnlyList<Team> teams, RoutingLoad? load = null, Dictionary<Guid, MemberAvailability>? availability = null, BusinessCalendar? calendar = null) =>
        new(teams, Names, availability ?? [], load ?? new RoutingLoad(), calendar ?? BusinessCalendar.Default);

    /// <summary>An unowned lead in Scored meeting every default guard: the mover's automatic Qualify carries it into MQL.</summary>
    private static LeadBuilder Arriving(string? country = null) =>
        LeadBuilder.Ready(LeadState.Scored)
            .With(l =>
            {
                l.OwnerId = null;
                l.Country = country;
                l.CompanySize = 300;
                l.Title = "VP Sales";
            })
            .WithActivity(ActivityType.Meeting, daysAgo: 1);

    private static (Lead Lead, LeadAssignment? Assignment) Enter(LeadMover mover, RoutingState state, LeadBuilder lead, DateTime? now = null)
    {
        var history = mover.Advance(lead.Facts(now ?? Monday10));
        Assert.Contains(history, t => t.To == LeadState.MQL);
        return (lead.Lead, state.TakeAssignments().SingleOrDefault());
    }

    [Fact]
    public void WeightedRoundRobin_400LeadsAtWeights2To1To1_Distribute200To100To100()
    {
        var team = TeamOf("Qualification", Member(Anna, 2), Member(Ben), Member(Sofia));
        var state = State([team]);
        var mover = new LeadMover(Routed(Rule("all", team)), 1, state);

        var owners = Enumerable.Range(0, 400).Select(_ => Enter(mover, state, Arriving()).Lead.OwnerId).ToList();

        Assert.InRange(owners.Count(o => o == Anna), 199, 201);
        Assert.InRange(owners.Count(o => o == Ben), 99, 101);
        Assert.InRange(owners.Count(o => o == Sofia), 99, 101);
    }

    [Fact]
    public void EnteringMql_AssignsInTheSameMove_AndTheHistoryEntryCarriesTheOwner()
    {
        var team = TeamOf("EMEA sales", Member(Anna));
        var state = State([team]);
        var lead = Arriving();

        var history = new LeadMover(Routed(Rule("emea", team)), 4, state).Advance(lead.Facts(Monday10));

        var entry = Assert.Single(history, t => t.To == LeadState.MQL);
        Assert.Equal((Anna, Anna, team.Id), (lead.Lead.OwnerId!.Value, entry.OwnerId!.Value, lead.Lead.TeamId!.Value));
        var assignment = Assert.Single(state.TakeAssignments());
        Assert.Equal((AssignmentKind.Routed, Anna, 4), (assignment.Kind, assignment.UserId!.Value, assignment.AgreementVersion));
        Assert.Equal("EMEA sales: Anna, weighted round robin; due Thu 10:00 UTC", assignment.Reason);
    }

    [Fact]
    public void OutOfOfficeAndCappedMembers_AreSkipped_WithTheReasonRecorded()
    {
        var team = TeamOf("EMEA sales", Member(Anna), Member(Sofia, maxOpen: 20), Member(Ben, maxPerDay: 3));
        var load = new RoutingLoad { Open = { [Sofia] = 20 }, Today = { [Ben] = 3 } };
        var away = new Dictionary<Guid, MemberAvailability> { [Anna] = new(null, [new OutOfOffice(Monday10.AddDays(-1), Monday10.AddDays(7))]) };
        var calendar = BusinessCalendar.Default with { TimeZone = "Europe/Berlin" };
        var state = State([team, TeamOf("Everyone else", Member(Lena))], load, away, calendar);
        var fallback = state.TeamOf(null);

        var (lead, assignment) = Enter(new LeadMover(Routed(Rule("emea", team)), 1, state), state, Arriving());

        Assert.Null(lead.OwnerId);
        Assert.Equal(AssignmentKind.Queued, assignment!.Kind);
        Assert.Contains("Sofia skipped: at capacity 20/20", assignment.Reason);
        Assert.Contains("Ben skipped: daily cap 3/3", assignment.Reason);
        Assert.Contains("Anna skipped: out of office until Mon 12:00 Europe/Berlin", assignment.Reason);
        Assert.Null(fallback);
    }

    [Fact]
    public void AMemberWhoCanAct_GetsTheLead_AndTheSkippedAreNamed()
    {
        var team = TeamOf("EMEA sales", Member(Sofia, maxOpen: 20), Member(Anna));
        var state = State([team], new RoutingLoad { Open = { [Sofia] = 20 } }, calendar: BusinessCalendar.Default with { TimeZone = "Europe/Berlin" });

        var (lead, assignment) = Enter(new LeadMover(Routed(Rule("emea", team)), 1, state), state, Arriving());

        Assert.Equal(Anna, lead.OwnerId);
        Assert.Equal("EMEA sales: Anna, weighted round robin; Sofia skipped: at capacity 20/20; due Thu 12:00 Europe/Berlin", assignment!.Reason);
    }

    [Fact]
    public void TerritoryRules_FirstMatchWins()
    {
        var emea = TeamOf("EMEA", Member(Anna));
        var rest = TeamOf("Rest of world", Member(Ben));
        var state = State([emea, rest]);
        var countries = new FieldInCriterion { Id = "emea", Description = "Country in EMEA", Field = "country", Values = ["DE", "FR", "GB"] };
        var mover = new LeadMover(Routed(Rule("emea", emea, countries), Rule("rest", rest)), 1, state);

        Assert.Equal((Anna, emea.Id), Owner(Enter(mover, state, Arriving("DE")).Lead));
        Assert.Equal((Ben, rest.Id), Owner(Enter(mover, state, Arriving("US")).Lead));
        Assert.Equal((Ben, rest.Id), Owner(Enter(mover, state, Arriving(null)).Lead));

        static (Guid, Guid) Owner(Lead lead) => (lead.OwnerId!.Value, lead.TeamId!.Value);
    }

    [Fact]
    public void TheFallbackTeam_TakesWhatTheRuleTeamCannot_AndTheQueueWhatNobodyCan()
    {
        var emea = TeamOf("EMEA", Member(Anna, maxOpen: 1));
        var fallback = TeamOf("Qualification", Member(Ben, maxOpen: 1));
        var state = State([emea, fallback]);
        var mover = new LeadMover(Routed(fallback.Id, Rule("emea", emea)), 1, state);

        Assert.Equal(Anna, Enter(mover, state, Arriving()).Lead.OwnerId);
        var (second, viaFallback) = Enter(mover, state, Arriving());
        Assert.Equal((Ben, fallback.Id), (second.OwnerId!.Value, second.TeamId!.Value));
        Assert.StartsWith("EMEA: nobody free; Anna skipped: at capacity 1/1; due Thu 10:00 UTC; fallback Qualification: Ben", viaFallback!.Reason);

        var (third, queued) = Enter(mover, state, Arriving());
        Assert.Equal((null, emea.Id, Monday10), (third.OwnerId, third.TeamId!.Value, third.QueuedAt!.Value));
        Assert.Equal((AssignmentKind.Queued, null), (queued!.Kind, queued.UserId));
        Assert.EndsWith("; waiting in the team's queue", queued.Reason);

        // Capacity frees (Anna's lead moved on): the waiting lead is assigned from the queue, once.
        state.Load.Open[Anna] = 0;
        var assigned = mover.AssignWaiting(new LeadFacts(third, [], Monday10.AddHours(1)));
        Assert.Equal((Anna, null), (third.OwnerId!.Value, third.QueuedAt));
        Assert.StartsWith("From the queue: EMEA: Anna", assigned!.Reason);
        Assert.Null(mover.AssignWaiting(new LeadFacts(third, [], Monday10.AddHours(2))));
    }

    [Fact]
    public void WithoutAMatchingRuleOrFallback_TheLeadKeepsNoOwnerAndNothingIsRecorded()
    {
        var team = TeamOf("EMEA", Member(Anna));
        var state = State([team]);
        var onlyGermany = new FieldEqualsCriterion { Id = "de", Description = "Country is DE", Field = "country", Value = "DE" };

        var (lead, assignment) = Enter(new LeadMover(Routed(Rule("de", team, onlyGermany)), 1, state), state, Arriving("US"));

        Assert.Equal((null, null, null), (lead.OwnerId, lead.TeamId, assignment));
    }

    [Fact]
    public void SlaAware_KeepsWhoCanActInTime_ElseTheMemberWhoseHoursStartFirst_AndSaysSo()
    {
        // Monday 16:00 UTC with a 2-business-hour SLA: due Tuesday 10:00.
        var agreement = DefaultAgreement.Create() with
        {
            Slas = new SlaTerms { Terms = [new SlaTerm { Id = "mql", StartStage = LeadState.MQL, StopTriggers = [LeadTrigger.Accept], TargetHours = 2 }] },
        };
        var late = new Dictionary<Guid, MemberAvailability>
        {
            [Anna] = new([new WorkingDay(DayOfWeek.Tuesday, new TimeOnly(12, 0), new TimeOnly(20, 0))], []),
            [Ben] = new([new WorkingDay(DayOfWeek.Tuesday, new TimeOnly(11, 0), new TimeOnly(19, 0))], []),
            [Sofia] = new([new WorkingDay(DayOfWeek.Tuesday, new TimeOnly(9, 30), new TimeOnly(17, 0))], []),
        };
        var monday16 = Monday10.AddHours(6);

        // Sofia can act on Tuesday at 09:30, within the SLA: she gets it although Anna weighs more.
        var team = TeamOf("EMEA", Member(Anna, 3), Member(Ben), Member(Sofia));
        var state = State([team], availability: late);
        var (lead, assignment) = Enter(new LeadMover(agreement with { Routing = Routed(Rule("all", team)).Routing }, 1, state), state, Arriving(), monday16);
        Assert.Equal(Sofia, lead.OwnerId);
        Assert.False(assignment!.MissesSla);
        Assert.Contains("Anna skipped: off hours until Tue 12:00 UTC", assignment.Reason);

        // Without Sofia nobody can act by 10:00: Ben's hours start first, and the decision says so.
        var slow = TeamOf("EMEA", Member(Anna, 3), Member(Ben));
        var slowState = State([slow], availability: late);
        var (missed, escalated) = Enter(new LeadMover(agreement with { Routing = Routed(Rule("all", slow)).Routing }, 1, slowState), slowState, Arriving(), monday16);
        Assert.Equal(Ben, missed.OwnerId);
        Assert.True(escalated!.MissesSla);
        Assert.Equal(new DateTime(2025, 6, 3, 10, 0, 0, DateTimeKind.Utc), escalated.DueAt);
        Assert.Contains("nobody can act before the due time, Ben can act soonest (Tue 11:00 UTC), escalated to the team lead", escalated.Reason);
    }

    [Fact]
    public void AfterAMissedSla_TheLeadGoesToAMemberWhoNeverHadIt_OrStays()
    {
        var team = TeamOf("EMEA", Member(Anna), Member(Ben), Member(Sofia));
        var state = State([team]);
        var mover = new LeadMover(Routed(Rule("all", team)), 1, state);
        var (lead, _) = Enter(mover, state, Arriving());
        Assert.Equal(Anna, lead.OwnerId);

        var reassigned = mover.Reassign(new LeadFacts(lead, [], Monday10.AddDays(1)), new HashSet<Guid> { Anna, Ben });
        Assert.Equal((Sofia, Anna, AssignmentKind.Reassigned), (lead.OwnerId!.Value, reassigned!.PreviousOwnerId!.Value, reassigned.Kind));
        Assert.Null(mover.Reassign(new LeadFacts(lead, [], Monday10.AddDays(2)), new HashSet<Guid> { Anna, Ben, Sofia }));
        Assert.Equal(Sofia, lead.OwnerId);
    }

    [Fact]
    public void AnOwnedMql_IsDecidedByItsOwnerTheTeamLeadOrAnAdmin_AndAnUnownedOneByAnySalesUser()
    {
        var team = TeamOf("EMEA", Member(Anna));
        var state = State([team]);
        var mover = new LeadMover(Routed(Rule("all", team)), 1, state);
        LeadBuilder Owned() => LeadBuilder.Ready(LeadState.MQL).With(l => (l.OwnerId, l.TeamId) = (Anna, team.Id));

        var refused = mover.Fire(Owned().Facts(Monday10), Actor.User(Ben, Roles.Sales), new MoveRequest(LeadTrigger.Accept));
        Assert.Equal(MoveRefusalKind.RoleMayNot, refused.Refusal!.Kind);
        Assert.Equal("This MQL belongs to Anna: only its owner, their team lead or an admin may accept it.", refused.Refusal.Message);
        Assert.True(mover.Fire(Owned().Facts(Monday10), Actor.User(Anna, Roles.Sales), new MoveRequest(LeadTrigger.Accept)).Moved);
        Assert.True(mover.Fire(Owned().Facts(Monday10), Actor.User(Lena, Roles.Sales), new MoveRequest(LeadTrigger.Reject, "no-need")).Moved);
        Assert.True(mover.Fire(Owned().Facts(Monday10), Actor.User(Ben, Roles.Admin | Roles.Sales), new MoveRequest(LeadTrigger.Accept)).Moved);

        var unowned = LeadBuilder.Ready(LeadState.MQL).With(l => l.OwnerId = null);
        Assert.True(mover.Fire(unowned.Facts(Monday10), Actor.User(Ben, Roles.Sales), new MoveRequest(LeadTrigger.Accept)).Moved);
        Assert.Equal(Ben, unowned.Lead.OwnerId);
    }

    [Fact]
    public void RoutingRules_AreValidated_AndDiffedInPlainWords()
    {
        var team = TeamOf("EMEA", Member(Anna));
        var byScore = new ScoreAtLeastCriterion { Id = "hot", Description = "Total score at least 50", Score = ScoreKind.Total, Value = 50 };
        var bad = Routed(Rule("emea", team, byScore), new RoutingRule { Id = "emea" }) with
        {
            Routing = Routed(Rule("emea", team, byScore), new RoutingRule { Id = "emea" }).Routing with { AssignOnEntry = LeadState.Won },
        };

        var issues = AgreementValidator.Validate(bad).Select(i => i.Path).ToList();
        Assert.Contains("routing.assignOnEntry", issues);
        Assert.Contains("routing.rules", issues);
        Assert.Contains("routing.rules[1].teamId", issues);
        Assert.Contains("routing.rules[0].conditions[0]", issues);
        Assert.Empty(AgreementValidator.Validate(Routed(Rule("emea", team))));

        var changes = AgreementDiff.Compare(DefaultAgreement.Create(), Routed(Rule("emea", team)));
        var change = Assert.Single(changes);
        Assert.Equal((ChangeArea.Routing, $"Routing rule added at position 1: emea → team {team.Id}, WeightedRoundRobin"), (change.Area, change.Description));
    }
}
