using L2R.Api.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Leads.GetLeadHistory;

public sealed record GetLeadHistoryQuery(Guid LeadId) : IQuery<LeadHistoryDto>;

public sealed record FieldChangeDto(Guid Id, string Field, string? OldValue, string? NewValue, Guid? ChangedBy, Guid? ChangedByClientId, string ChangedByName, DateTime ChangedAt);

public sealed record LeadHistoryDto(IReadOnlyList<HistoryEntryDto> Transitions, IReadOnlyList<FieldChangeDto> Changes);

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
        var names = await db.ActorNamesAsync(
            transitions.Select(t => t.ActorUserId).Concat(changes.Select(c => c.ChangedBy)),
            transitions.Select(t => t.ActorClientId).Concat(changes.Select(c => c.ChangedByClientId)),
            ct);
        return new LeadHistoryDto(
            transitions.Select(t => HistoryEntryDto.Of(t, names)).ToList(),
            changes.Select(c => new FieldChangeDto(c.Id, c.Field, c.OldValue, c.NewValue, c.ChangedBy, c.ChangedByClientId, LeadReads.ActorName(c.ChangedBy, c.ChangedByClientId, names) ?? "system", c.ChangedAt)).ToList());
    }
}
