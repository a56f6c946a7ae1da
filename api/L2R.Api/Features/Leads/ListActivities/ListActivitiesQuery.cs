using L2R.Api.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Leads.ListActivities;

public sealed record ListActivitiesQuery(Guid LeadId) : IQuery<IReadOnlyList<ActivityDto>>;

public sealed class ListActivitiesHandler(L2RDbContext db) : IQueryHandler<ListActivitiesQuery, IReadOnlyList<ActivityDto>>
{
    public async ValueTask<IReadOnlyList<ActivityDto>> Handle(ListActivitiesQuery query, CancellationToken ct)
    {
        await db.EnsureLeadExistsAsync(query.LeadId, ct);
        return await db.LeadActivities.AsNoTracking()
            .Where(a => a.LeadId == query.LeadId)
            .OrderByDescending(a => a.OccurredAt)
            .Select(ActivityDto.Projection)
            .ToListAsync(ct);
    }
}
