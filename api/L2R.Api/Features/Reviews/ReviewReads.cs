using System.Text.Json;
using L2R.Api.Features.Leads;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Agreements;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Reviews;

/// <summary>Loading a review of this tenant (404 otherwise) and showing it, shared by the review use cases.</summary>
public static class ReviewReads
{
    public static async Task<Review> FindReviewAsync(this L2RDbContext db, Guid id, CancellationToken ct) =>
        await db.Reviews.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("Review", id);

    public static async Task<IReadOnlyList<ReviewSummaryDto>> SummariesAsync(this L2RDbContext db, IReadOnlyList<Review> reviews, DateTime now, CancellationToken ct)
    {
        var ids = reviews.Select(r => r.Id).ToList();
        var briefs = await db.ReviewBriefs.AsNoTracking().Where(b => ids.Contains(b.ReviewId)).GroupBy(b => b.ReviewId).Select(g => new { g.Key, Version = g.Max(b => b.Version) }).ToListAsync(ct);
        var decisions = await db.ReviewDecisions.AsNoTracking().Where(d => ids.Contains(d.ReviewId)).GroupBy(d => d.ReviewId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var open = await db.ReviewActions.AsNoTracking().Where(a => ids.Contains(a.ReviewId) && a.Status == ReviewActionStatus.Open).GroupBy(a => a.ReviewId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return reviews.Select(r => new ReviewSummaryDto(
                r.Id,
                r.LocalDate,
                r.StartsAt,
                r.BriefDueAt,
                r.StartsAt <= now,
                briefs.FirstOrDefault(b => b.Key == r.Id)?.Version,
                decisions.FirstOrDefault(d => d.Key == r.Id)?.Count ?? 0,
                open.FirstOrDefault(a => a.Key == r.Id)?.Count ?? 0))
            .ToList();
    }

    public static async Task<ReviewBriefDto> ToDtoAsync(this L2RDbContext db, ReviewBrief brief, Review review, CancellationToken ct)
    {
        var names = await db.UserNamesAsync([brief.GeneratedBy], ct);
        return new ReviewBriefDto(
            review.Id,
            review.LocalDate,
            brief.Version,
            brief.GeneratedAt,
            brief.GeneratedBy,
            brief.GeneratedBy is { } by ? names.GetValueOrDefault(by, "former user") : "scheduled",
            JsonSerializer.Deserialize<ReviewBriefContent>(brief.Content, AgreementJson.Options)!);
    }

    public static async Task<ReviewNoteDto> ToDtoAsync(this L2RDbContext db, ReviewNote note, CancellationToken ct) =>
        NoteDto(note, await db.UserNamesAsync([note.AuthorId], ct));

    public static ReviewNoteDto NoteDto(ReviewNote n, IReadOnlyDictionary<Guid, string> names) =>
        new(n.Id, n.Kind, n.Text, n.AuthorId, names.GetValueOrDefault(n.AuthorId, "former user"), n.CreatedAt, n.UpdatedAt);

    public static ReviewActionDto ActionDto(ReviewAction a, IReadOnlyDictionary<Guid, string> names) =>
        new(a.Id, a.Title, a.OwnerId, names.GetValueOrDefault(a.OwnerId, "former user"), a.DueDate, a.Status, a.CreatedAt, a.UpdatedAt, a.Version);

    public static async Task<ReviewActionDto> ToDtoAsync(this L2RDbContext db, ReviewAction action, CancellationToken ct) =>
        ActionDto(action, await db.UserNamesAsync([action.OwnerId], ct));

    public static ReviewDecisionDto DecisionDto(ReviewDecision d, IReadOnlyDictionary<Guid, string> names, IReadOnlyDictionary<int, Guid> openDrafts) =>
        new(d.Id, d.Number, d.Text, d.Change, d.DraftVersion, d.DraftVersion is { } v ? openDrafts.GetValueOrDefault(v) is var id && id != Guid.Empty ? id : null : null,
            d.RecordedBy, names.GetValueOrDefault(d.RecordedBy, "former user"), d.RecordedAt);

    /// <summary>The open draft by version number, so a decision can link straight to the editor while its draft is open.</summary>
    public static async Task<IReadOnlyDictionary<int, Guid>> OpenDraftsAsync(this L2RDbContext db, CancellationToken ct) =>
        await db.AgreementVersions.AsNoTracking().Where(v => v.Status == AgreementStatus.Draft).ToDictionaryAsync(v => v.Version, v => v.Id, ct);
}
