namespace L2R.Domain.Routing;

/// <summary>
/// One person in a team's rotation: <see cref="Weight"/> is their share of the team's new leads relative to the
/// others'; each cap, when set, stops routing to them while it is reached (open leads in the routing stage at once,
/// new leads routed to them since the start of the tenant's day).
/// </summary>
public sealed record TeamMember
{
    public required Guid UserId { get; init; }
    public int Weight { get; init; } = 1;
    public int? MaxOpenLeads { get; init; }
    public int? MaxNewLeadsPerDay { get; init; }
}

/// <summary>A group of people routing rules send leads to (a qualification team, EMEA sales), with the lead who hears of its escalations.</summary>
public sealed class Team : Common.ITenantOwned, Common.IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public required string Name { get; set; }
    public Guid? LeadUserId { get; set; }
    public List<TeamMember> Members { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency token, bumped on every write.</summary>
    public int Version { get; set; } = 1;
}
