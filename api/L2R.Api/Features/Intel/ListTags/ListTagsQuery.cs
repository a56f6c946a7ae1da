using L2R.Api.Infrastructure.Data;
using L2R.Domain.Intel;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Intel.ListTags;

public sealed record ListTagsQuery(IntelKind? Kind, bool IncludeRetired) : IQuery<IReadOnlyList<IntelTagDto>>;

/// <summary>The tenant's tag lists, most mentioned first, then by label: what the picker offers (retired tags only when asked, for curation).</summary>
public sealed class ListTagsHandler(L2RDbContext db) : IQueryHandler<ListTagsQuery, IReadOnlyList<IntelTagDto>>
{
    public async ValueTask<IReadOnlyList<IntelTagDto>> Handle(ListTagsQuery query, CancellationToken ct)
    {
        var tags = db.IntelTags.AsNoTracking();
        if (query.Kind is { } kind)
        {
            tags = tags.Where(t => t.Kind == kind);
        }

        if (!query.IncludeRetired)
        {
            tags = tags.Where(t => t.RetiredAt == null);
        }

        var rows = await tags.ToListAsync(ct);
        var ids = rows.Select(t => t.Id).ToList();
        var mentions = await db.LeadIntelTags.Where(t => ids.Contains(t.TagId))
            .GroupBy(t => t.TagId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return rows
            .Select(t => IntelTagDto.From(t, mentions.GetValueOrDefault(t.Id)))
            .OrderBy(t => t.Kind).ThenByDescending(t => t.Mentions).ThenBy(t => t.Label, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
