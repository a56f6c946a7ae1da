using L2R.Api.Features.Slas;
using L2R.Api.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Leads.GetLeadSla;

public sealed record GetLeadSlaQuery(Guid LeadId) : IQuery<IReadOnlyList<SlaClockDto>>;

/// <summary>Every clock the lead has had, newest first: open ones count down, closed ones say whether the promise was kept.</summary>
public sealed class GetLeadSlaHandler(L2RDbContext db) : IQueryHandler<GetLeadSlaQuery, IReadOnlyList<SlaClockDto>>
{
    public async ValueTask<IReadOnlyList<SlaClockDto>> Handle(GetLeadSlaQuery query, CancellationToken ct)
    {
        await db.EnsureLeadExistsAsync(query.LeadId, ct);
        var clocks = await db.SlaClocks.AsNoTracking().Include(c => c.Pauses)
            .Where(c => c.LeadId == query.LeadId)
            .OrderByDescending(c => c.StartedAt)
            .ToListAsync(ct);
        return clocks.Select(SlaClockDto.From).ToList();
    }
}
