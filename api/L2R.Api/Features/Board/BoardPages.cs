using System.Linq.Expressions;
using L2R.Api.Features.Slas;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Leads;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Board;

internal static class BoardPages
{
    public static async Task<IReadOnlyList<CardDto>> PageAsync(L2RDbContext db, IQueryable<Lead> leads, LeadState state, int offset, int take, CancellationToken ct) =>
        await leads
            .Where(l => l.State == state)
            .OrderByDescending(l => l.TotalScore).ThenBy(l => l.CreatedAt).ThenBy(l => l.Id)
            .Skip(offset)
            .Take(take)
            .Select(Card(db))
            .ToListAsync(ct);

    /// <summary>The cards of these leads as the board shows them, SLA summary included; a lead that is gone has none.</summary>
    public static async Task<IReadOnlyDictionary<Guid, CardDto>> CardsAsync(L2RDbContext db, IReadOnlyCollection<Guid> leadIds, CancellationToken ct)
    {
        var cards = await db.Leads.AsNoTracking().Where(l => leadIds.Contains(l.Id)).Select(Card(db)).ToListAsync(ct);
        var withSlas = await WithSlasAsync(db, [cards], ct);
        return withSlas[0].ToDictionary(c => c.Id);
    }

    /// <summary>A card without its SLA summary, which <see cref="WithSlasAsync"/> adds for a whole page at once.</summary>
    private static Expression<Func<Lead, CardDto>> Card(L2RDbContext db) => l => new CardDto(
        l.Id,
        l.DisplayName,
        l.Company,
        l.TotalScore,
        l.FitScore,
        l.EngagementScore,
        l.ScoredAt,
        l.OwnerId,
        db.Users.Where(u => u.Id == l.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
        l.Source,
        l.Campaign,
        l.State,
        l.StageEnteredAt,
        l.Version,
        null);

    /// <summary>Every card of a board or a column gets its SLA summary from one more query.</summary>
    public static async Task<IReadOnlyList<IReadOnlyList<CardDto>>> WithSlasAsync(L2RDbContext db, IReadOnlyList<IReadOnlyList<CardDto>> pages, CancellationToken ct)
    {
        var slas = await db.SummariesAsync(pages.SelectMany(p => p.Select(c => c.Id)).ToList(), ct);
        return pages.Select(p => (IReadOnlyList<CardDto>)p.Select(c => c with { Sla = slas.GetValueOrDefault(c.Id) }).ToList()).ToList();
    }

    public static string? NextCursor(int count, int offset, int returned) =>
        offset + returned < count ? BoardCursor.Encode(offset + returned) : null;
}
