namespace L2R.Api.Features.Teams;

/// <summary>What an admin sends to create or replace a team: its name, its lead and its members with their weights and caps.</summary>
public sealed record TeamRequest(string Name, Guid? LeadUserId, IReadOnlyList<TeamMemberRequest> Members);

/// <summary>A member's share of the team's leads (<see cref="Weight"/>, 0 pauses them) and optional caps: open leads at once, new leads per day.</summary>
public sealed record TeamMemberRequest(Guid UserId, int Weight, int? MaxOpenLeads, int? MaxNewLeadsPerDay);

public sealed record TeamMemberDto(Guid UserId, string Name, int Weight, int? MaxOpenLeads, int? MaxNewLeadsPerDay, int OpenLeads);

/// <summary>A lead waiting, unowned, in the team's queue for a member with capacity.</summary>
public sealed record QueuedLeadDto(Guid LeadId, string DisplayName, DateTime QueuedAt);

/// <summary>
/// A team with its members and their current open leads, its queue (oldest first, the first 50; <see cref="Waiting"/>
/// counts them all) and whether the active agreement routes to it (then it cannot be deleted).
/// </summary>
public sealed record TeamDto(
    Guid Id,
    string Name,
    Guid? LeadUserId,
    string? LeadName,
    IReadOnlyList<TeamMemberDto> Members,
    int Waiting,
    IReadOnlyList<QueuedLeadDto> Queue,
    bool RoutedTo,
    int Version);
