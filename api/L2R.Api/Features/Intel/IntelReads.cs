using L2R.Api.Features.Leads;
using L2R.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Intel;

public static class IntelReads
{
    /// <summary>The records with their tags (retired ones too: they stay on history) and who recorded them, newest first.</summary>
    public static async Task<IReadOnlyList<LeadIntelDto>> ReadAsync(L2RDbContext db, IQueryable<LeadIntel> records, CancellationToken ct)
    {
        var rows = await records.AsNoTracking().Include(r => r.Tags).OrderByDescending(r => r.RecordedAt).ThenBy(r => r.Id).ToListAsync(ct);
        var tagIds = rows.SelectMany(r => r.Tags).Select(t => t.TagId).Distinct().ToList();
        var tags = await db.IntelTags.AsNoTracking().Where(t => tagIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var names = await db.UserNamesAsync(rows.Select(r => r.RecordedBy), ct);
        return rows.Select(r => new LeadIntelDto(
                r.Id, r.LeadId, r.ActivityId, r.ActivityType, r.TransitionId, r.Trigger, r.Campaign, r.Verdict, r.Note,
                r.Tags.Select(t => tags[t.TagId]).OrderBy(t => t.Kind).ThenBy(t => t.Label, StringComparer.OrdinalIgnoreCase)
                    .Select(t => new IntelTagRefDto(t.Id, t.Kind, t.Label, t.RetiredAt is not null)).ToList(),
                r.RecordedBy,
                r.RecordedBy is { } by ? names.GetValueOrDefault(by, "former user") : "system",
                r.RecordedAt))
            .ToList();
    }
}
