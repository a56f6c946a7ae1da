using L2R.Api.Features.Metrics;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Intel;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Intel;

/// <summary>One tag's count in a period: the distinct leads it was heard on (the count everywhere), and how often.</summary>
public sealed record IntelTagCount(Guid TagId, IntelKind Kind, string Label, bool Retired, int Leads, int Mentions, IReadOnlyList<Guid> LeadIds);

/// <summary>Counts per tag, for the roll-ups and for whoever compares two periods (the review brief's "competitors and pains that rose").</summary>
public static class IntelCounts
{
    /// <summary>Every tag of <paramref name="kind"/> heard in [<paramref name="from"/>, <paramref name="to"/>), most leads first, with the leads behind each.</summary>
    public static Task<IReadOnlyList<IntelTagCount>> PerTagAsync(L2RDbContext db, IntelKind kind, DateTime from, DateTime to, CancellationToken ct) =>
        PerTagAsync(db, kind, new MetricsScope(from, to, default, null, null, null, null), ct);

    /// <summary>As <see cref="PerTagAsync(L2RDbContext, IntelKind, DateTime, DateTime, CancellationToken)"/>, with the metrics' source, campaign and owner filters.</summary>
    public static async Task<IReadOnlyList<IntelTagCount>> PerTagAsync(L2RDbContext db, IntelKind kind, MetricsScope scope, CancellationToken ct)
    {
        var pairs = await IntelRecords.Mentions(db, scope, kind).Select(t => new { t.TagId, t.LeadId }).ToListAsync(ct);
        var tagIds = pairs.Select(p => p.TagId).Distinct().ToList();
        var tags = await db.IntelTags.AsNoTracking().Where(t => tagIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        return pairs
            .GroupBy(p => p.TagId)
            .Select(g =>
            {
                var leads = g.Select(p => p.LeadId).Distinct().Order().ToList();
                var tag = tags[g.Key];
                return new IntelTagCount(tag.Id, tag.Kind, tag.Label, tag.RetiredAt is not null, leads.Count, g.Count(), leads);
            })
            .OrderByDescending(c => c.Leads).ThenByDescending(c => c.Mentions).ThenBy(c => c.Label, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
