using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Reviews.GetBrief;

/// <summary>The review's latest brief, or the version asked for; 404 before the first.</summary>
public sealed record GetBriefQuery(Guid ReviewId, int? Version) : IQuery<ReviewBriefDto>;

public sealed class GetBriefHandler(L2RDbContext db) : IQueryHandler<GetBriefQuery, ReviewBriefDto>
{
    public async ValueTask<ReviewBriefDto> Handle(GetBriefQuery query, CancellationToken ct)
    {
        var review = await db.FindReviewAsync(query.ReviewId, ct);
        var briefs = db.ReviewBriefs.AsNoTracking().Where(b => b.ReviewId == review.Id);
        var brief = await (query.Version is { } version ? briefs.Where(b => b.Version == version) : briefs.OrderByDescending(b => b.Version)).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Brief", query.Version is { } v ? $"version {v} of review {review.Id}" : $"of review {review.Id}");
        return await db.ToDtoAsync(brief, review, ct);
    }
}
