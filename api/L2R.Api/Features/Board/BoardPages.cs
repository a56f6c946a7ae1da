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
            .Select(l => new CardDto(
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
                null))
            .ToListAsync(ct);

    /// <summary>Every card of a board or a column gets its SLA summary from one more query.</summary>
    public static async Task<IReadOnlyList<IReadOnlyList<CardDto>>> WithSlasAsync(L2RDbContext db, IReadOnlyList<IReadOnlyList<CardDto>> pages, CancellationToken ct)
    {
        var slas = await db.SummariesAsync(pages.SelectMany(p => p.Select(c => c.Id)).ToList(), ct);
        return pages.Select(p => (IReadOnlyList<CardDto>)p.Select(c => c with { Sla = slas.GetValueOrDefault(c.Id) }).ToList()).ToList();
    }

    public static string? NextCursor(int count, int offset, int returned) =>
        offset + returned < count ? BoardCursor.Encode(offset + returned) : null;
}
