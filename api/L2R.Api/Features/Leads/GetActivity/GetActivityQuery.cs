using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Leads.GetActivity;

/// <summary>One step of a lead's journey: where <c>POST /api/leads/{id}/activities</c> points its Location.</summary>
public sealed record GetActivityQuery(Guid LeadId, Guid ActivityId) : IQuery<ActivityDto>;

public sealed class GetActivityHandler(L2RDbContext db) : IQueryHandler<GetActivityQuery, ActivityDto>
{
    public async ValueTask<ActivityDto> Handle(GetActivityQuery query, CancellationToken ct)
    {
        await db.EnsureLeadExistsAsync(query.LeadId, ct);
        return await db.LeadActivities.AsNoTracking()
            .Where(a => a.LeadId == query.LeadId && a.Id == query.ActivityId)
            .Select(ActivityDto.Projection)
            .FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Activity", query.ActivityId);
    }
}
