using L2R.Api.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Reviews.ListReviews;

public sealed record ListReviewsQuery : IQuery<IReadOnlyList<ReviewSummaryDto>>;

/// <summary>The next review (made known here if no job has yet) and the past ones, newest first.</summary>
public sealed class ListReviewsHandler(L2RDbContext db, ReviewSchedule schedule, TimeProvider clock) : IQueryHandler<ListReviewsQuery, IReadOnlyList<ReviewSummaryDto>>
{
    public async ValueTask<IReadOnlyList<ReviewSummaryDto>> Handle(ListReviewsQuery query, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var next = await schedule.EnsureNextAsync(now, ct);
        var reviews = await db.Reviews.AsNoTracking()
            .Where(r => r.StartsAt <= now || (next != null && r.Id == next.Id))
            .OrderByDescending(r => r.StartsAt)
            .ToListAsync(ct);
        return await db.SummariesAsync(reviews, now, ct);
    }
}
