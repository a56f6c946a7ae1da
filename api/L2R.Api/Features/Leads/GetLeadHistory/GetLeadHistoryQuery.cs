using L2R.Api.Features.Intel;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Routing;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Leads.GetLeadHistory;

public sealed record GetLeadHistoryQuery(Guid LeadId) : IQuery<LeadHistoryDto>;

public sealed record FieldChangeDto(Guid Id, string Field, string? OldValue, string? NewValue, Guid? ChangedBy, Guid? ChangedByClientId, string ChangedByName, DateTime ChangedAt);

/// <summary>One routing decision: to whom (or the team's queue) and why, as the mover recorded it.</summary>
public sealed record AssignmentDto(
    Guid Id,
    AssignmentKind Kind,
    Guid? TeamId,
    string? TeamName,
    Guid? UserId,
    string? UserName,
    Guid? PreviousOwnerId,
    string Reason,
    bool MissesSla,
    DateTime? DueAt,
    DateTime OccurredAt,
    int AgreementVersion);

/// <param name="Intel">What reps heard on the lead, newest first, each with the activity or move it came with.</param>
public sealed record LeadHistoryDto(IReadOnlyList<HistoryEntryDto> Transitions, IReadOnlyList<FieldChangeDto> Changes, IReadOnlyList<AssignmentDto> Assignments, IReadOnlyList<LeadIntelDto> Intel);

public sealed class GetLeadHistoryHandler(L2RDbContext db) : IQueryHandler<GetLeadHistoryQuery, LeadHistoryDto>
{
    public async ValueTask<LeadHistoryDto> Handle(GetLeadHistoryQuery query, CancellationToken ct)
    {
        await db.EnsureLeadExistsAsync(query.LeadId, ct);
        var transitions = await db.LeadTransitions.AsNoTracking()
            .Where(t => t.LeadId == query.LeadId)
            .OrderBy(t => t.OccurredAt).ThenBy(t => t.Step)
            .ToListAsync(ct);
        var changes = await db.LeadChanges.AsNoTracking()
            .Where(c => c.LeadId == query.LeadId)
            .OrderBy(c => c.ChangedAt).ThenBy(c => c.Field)
            .ToListAsync(ct);
        var assignments = await db.LeadAssignments.AsNoTracking()
            .Where(a => a.LeadId == query.LeadId)
            .OrderBy(a => a.OccurredAt)
            .ToListAsync(ct);
        var teamIds = assignments.Select(a => a.TeamId).OfType<Guid>().Distinct().ToList();
        var teams = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var names = await db.ActorNamesAsync(
            transitions.Select(t => t.ActorUserId).Concat(changes.Select(c => c.ChangedBy)).Concat(assignments.Select(a => a.UserId)),
            transitions.Select(t => t.ActorClientId).Concat(changes.Select(c => c.ChangedByClientId)),
            ct);
        return new LeadHistoryDto(
            transitions.Select(t => HistoryEntryDto.Of(t, names)).ToList(),
            changes.Select(c => new FieldChangeDto(c.Id, c.Field, c.OldValue, c.NewValue, c.ChangedBy, c.ChangedByClientId, LeadReads.ActorName(c.ChangedBy, c.ChangedByClientId, names) ?? "system", c.ChangedAt)).ToList(),
            assignments.Select(a => new AssignmentDto(
                a.Id, a.Kind, a.TeamId, a.TeamId is { } team ? teams.GetValueOrDefault(team) : null,
                a.UserId, a.UserId is { } user ? names.GetValueOrDefault(user, "former user") : null,
                a.PreviousOwnerId, a.Reason, a.MissesSla, a.DueAt, a.OccurredAt, a.AgreementVersion)).ToList(),
            await IntelReads.ReadAsync(db, db.LeadIntel.Where(i => i.LeadId == query.LeadId), ct));
    }
}
