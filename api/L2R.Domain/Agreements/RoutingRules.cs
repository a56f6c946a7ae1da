using System.Text.Json.Serialization;
using L2R.Domain.Leads;

namespace L2R.Domain.Agreements;

/// <summary>How a team shares its leads among the members who may take one.</summary>
public enum Distribution
{
    /// <summary>Each lead to the member furthest below their weighted share of the team's recent leads.</summary>
    WeightedRoundRobin,

    /// <summary>Each lead to the member with the fewest open leads in the routing stage (ties: the weighted share).</summary>
    LeastLoaded,
}

/// <summary>A territory: when every condition holds on the lead (none: every lead), it goes to <see cref="TeamId"/>.</summary>
public sealed record RoutingRule
{
    public required string Id { get; init; }
    public string Name { get; init; } = "";
    public IReadOnlyList<Criterion> Conditions { get; init; } = [];
    public Guid TeamId { get; init; }
    public Distribution Distribution { get; init; } = Distribution.WeightedRoundRobin;
}

/// <summary>
/// Who gets a lead as it enters <see cref="AssignOnEntry"/>: the first rule that matches names a team; when no rule
/// matches, or nobody in the team can take it, <see cref="FallbackTeamId"/> (if any) is tried; what nobody can take
/// waits in the team's queue. Versions stored before routing existed load with no rules: routing is off.
/// </summary>
public sealed record RoutingRules
{
    public LeadState AssignOnEntry { get; init; } = LeadState.MQL;
    public IReadOnlyList<RoutingRule> Rules { get; init; } = [];
    public Guid? FallbackTeamId { get; init; }
    public Distribution FallbackDistribution { get; init; } = Distribution.WeightedRoundRobin;

    [JsonIgnore]
    public bool IsOff => Rules.Count == 0 && FallbackTeamId is null;

    /// <summary>Every team these rules send leads to: such a team may not be deleted while the rules are in force.</summary>
    public IEnumerable<Guid> TeamIds() => Rules.Select(r => r.TeamId).Concat(FallbackTeamId is { } fallback ? [fallback] : []).Distinct();

    /// <summary>The first rule whose conditions all hold on the lead.</summary>
    public RoutingRule? Match(LeadFacts facts) => Rules.FirstOrDefault(rule => rule.Conditions.All(c => c.Holds(facts)));
}
