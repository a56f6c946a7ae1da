using L2R.Api.Infrastructure.Data;
using L2R.Domain.Agreements;
using L2R.Domain.Slas;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Slas;

/// <summary>The one definition of a lead's SLA summary, for the lead, its card and the queue: one query for any number of leads.</summary>
public static class SlaReads
{
    public static string NameOf(SlaTerm term) => string.IsNullOrWhiteSpace(term.Name) ? term.Id : term.Name;

    /// <summary>Clocks still running or paused, with their pauses.</summary>
    public static IQueryable<SlaClock> OpenClocks(this L2RDbContext db) =>
        db.SlaClocks.Include(c => c.Pauses).Where(c => c.Status == SlaClockStatus.Running || c.Status == SlaClockStatus.Paused);

    public static async Task<IReadOnlyDictionary<Guid, SlaSummaryDto>> SummariesAsync(this L2RDbContext db, IReadOnlyCollection<Guid> leadIds, CancellationToken ct)
    {
        if (leadIds.Count == 0)
        {
            return new Dictionary<Guid, SlaSummaryDto>();
        }

        var open = await db.OpenClocks().AsNoTracking().Where(c => leadIds.Contains(c.LeadId)).ToListAsync(ct);
        return open
            .GroupBy(c => c.LeadId)
            .ToDictionary(
                g => g.Key,
                g => g.OrderBy(c => c.DueAt is null).ThenBy(c => c.DueAt).ThenBy(c => c.StartedAt).Select(Summary).First());
    }

    public static async Task<SlaSummaryDto?> SummaryAsync(this L2RDbContext db, Guid leadId, CancellationToken ct) =>
        (await db.SummariesAsync([leadId], ct)).GetValueOrDefault(leadId);

    private static SlaSummaryDto Summary(SlaClock c) =>
        new(c.Id, c.TermId, NameOf(c.Term), c.Status, c.StartedAt, c.WarnAt, c.DueAt, c.WarnedAt is not null, c.BreachedAt is not null);
}
