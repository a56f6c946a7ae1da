using FluentValidation;
using L2R.Api.Features.Leads;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Leads;
using L2R.Domain.Slas;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Slas.GetQueue;

public sealed record GetQueueQuery(int Take = 50) : IQuery<IReadOnlyList<QueueItemDto>>;

public sealed record QueueItemDto(Guid Id, string Name, string? Company, LeadState State, int TotalScore, DateTime StageEnteredAt, int Version, SlaSummaryDto? Sla);

public sealed class GetQueueValidator : AbstractValidator<GetQueueQuery>
{
    public GetQueueValidator() => RuleFor(q => q.Take).InclusiveBetween(1, 200);
}

/// <summary>"My queue": the caller's open leads, the one whose running clock falls due first at the top; leads with no running clock follow, longest in stage first.</summary>
public sealed class GetQueueHandler(L2RDbContext db, ICurrentUser user) : IQueryHandler<GetQueueQuery, IReadOnlyList<QueueItemDto>>
{
    public async ValueTask<IReadOnlyList<QueueItemDto>> Handle(GetQueueQuery query, CancellationToken ct)
    {
        var me = user.RequiredUserId;
        var rows = await db.Leads.AsNoTracking()
            .Open()
            .Where(l => l.OwnerId == me)
            .Select(l => new
            {
                l.Id,
                l.DisplayName,
                l.Company,
                l.State,
                l.TotalScore,
                l.StageEnteredAt,
                l.Version,
                Due = db.SlaClocks.Where(c => c.LeadId == l.Id && c.Status == SlaClockStatus.Running).Min(c => c.DueAt),
            })
            .OrderBy(r => r.Due == null).ThenBy(r => r.Due).ThenBy(r => r.StageEnteredAt).ThenBy(r => r.Id)
            .Take(query.Take)
            .ToListAsync(ct);
        var slas = await db.SummariesAsync(rows.Select(r => r.Id).ToList(), ct);
        return rows.Select(r => new QueueItemDto(r.Id, r.DisplayName, r.Company, r.State, r.TotalScore, r.StageEnteredAt, r.Version, slas.GetValueOrDefault(r.Id))).ToList();
    }
}
