using L2R.Api.Features.Leads;
using L2R.Api.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Reviews.GetReview;

public sealed record GetReviewQuery(Guid Id) : IQuery<ReviewDto>;

public sealed class GetReviewHandler(L2RDbContext db, TimeProvider clock) : IQueryHandler<GetReviewQuery, ReviewDto>
{
    public async ValueTask<ReviewDto> Handle(GetReviewQuery query, CancellationToken ct)
    {
        var review = await db.FindReviewAsync(query.Id, ct);
        var notes = await db.ReviewNotes.AsNoTracking().Where(n => n.ReviewId == review.Id).OrderBy(n => n.CreatedAt).ToListAsync(ct);
        var decisions = await db.ReviewDecisions.AsNoTracking().Where(d => d.ReviewId == review.Id).OrderBy(d => d.Number).ToListAsync(ct);
        var actions = await db.ReviewActions.AsNoTracking().Where(a => a.ReviewId == review.Id).OrderBy(a => a.DueDate).ThenBy(a => a.CreatedAt).ToListAsync(ct);
        var briefs = await db.ReviewBriefs.AsNoTracking().Where(b => b.ReviewId == review.Id).OrderBy(b => b.Version)
            .Select(b => new BriefVersionDto(b.Version, b.GeneratedAt, b.GeneratedBy)).ToListAsync(ct);
        var names = await db.UserNamesAsync(
            notes.Select(n => (Guid?)n.AuthorId).Concat(decisions.Select(d => (Guid?)d.RecordedBy)).Concat(actions.Select(a => (Guid?)a.OwnerId)), ct);
        var openDrafts = await db.OpenDraftsAsync(ct);
        return new ReviewDto(
            (await db.SummariesAsync([review], clock.GetUtcNow().UtcDateTime, ct))[0],
            notes.Where(n => n.Kind == ReviewNoteKind.AgendaItem).Select(n => ReviewReads.NoteDto(n, names)).ToList(),
            notes.Where(n => n.Kind == ReviewNoteKind.Comment).Select(n => ReviewReads.NoteDto(n, names)).ToList(),
            decisions.Select(d => ReviewReads.DecisionDto(d, names, openDrafts)).ToList(),
            actions.Select(a => ReviewReads.ActionDto(a, names)).ToList(),
            briefs);
    }
}
