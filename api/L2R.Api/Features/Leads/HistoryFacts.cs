using L2R.Api.Infrastructure.Data;
using L2R.Domain.Leads;
using L2R.Domain.Metrics;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Leads;

/// <summary>
/// Fills new history rows with the facts <see cref="StageEntryFacts"/> derives from their leads' history before they
/// are written, so every writer of history (the mover, single and batch, import, merge) writes them in the same
/// transaction as the move. The earlier rows of leads that already had history are read in one query, their counting
/// columns only; a lead whose first new row is its creation has none.
/// </summary>
public static class HistoryFacts
{
    public static async Task StampAsync(this L2RDbContext db, IReadOnlyCollection<LeadTransition> written, CancellationToken ct)
    {
        if (written.Count == 0)
        {
            return;
        }

        var byLead = written.GroupBy(t => t.LeadId).ToList();
        var existing = byLead
            .Where(g => g.OrderBy(t => t.OccurredAt).ThenBy(t => t.Step).First().Kind != HistoryEntryKind.Created)
            .Select(g => g.Key)
            .ToList();
        var earlier = existing.Count == 0
            ? []
            : await db.LeadTransitions.AsNoTracking()
                .Where(t => existing.Contains(t.LeadId))
                .Select(t => new LeadTransition { LeadId = t.LeadId, To = t.To, OccurredAt = t.OccurredAt, Step = t.Step, OwnerId = t.OwnerId, AgreementVersion = t.AgreementVersion })
                .ToListAsync(ct);
        var earlierByLead = earlier.ToLookup(t => t.LeadId);
        foreach (var lead in byLead)
        {
            StageEntryFacts.Stamp([.. earlierByLead[lead.Key], .. lead]);
        }
    }

    /// <summary>
    /// Stamps a lead's whole history again, the rows it already had (tracked, so the save updates them) and the new ones:
    /// a merge interleaves the absorbed lead's rows with the survivor's, which changes what each of them ends.
    /// </summary>
    public static async Task RestampAsync(this L2RDbContext db, Guid leadId, IReadOnlyCollection<LeadTransition> written, CancellationToken ct)
    {
        var stored = await db.LeadTransitions.Where(t => t.LeadId == leadId).ToListAsync(ct);
        StageEntryFacts.Stamp([.. stored, .. written]);
    }
}
