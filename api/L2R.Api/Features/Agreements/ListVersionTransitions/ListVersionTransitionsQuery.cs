using L2R.Api.Features.Leads;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Leads;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Agreements.ListVersionTransitions;

public sealed record ListVersionTransitionsQuery(int Version, int Take = 50) : IQuery<VersionTransitionsDto>;

public sealed record TriggerCountDto(LeadTrigger Trigger, int Count);

public sealed record VersionTransitionsDto(int Version, int Total, IReadOnlyList<TriggerCountDto> ByTrigger, IReadOnlyList<HistoryEntryDto> Latest);

public sealed class ListVersionTransitionsHandler(L2RDbContext db) : IQueryHandler<ListVersionTransitionsQuery, VersionTransitionsDto>
{
    public async ValueTask<VersionTransitionsDto> Handle(ListVersionTransitionsQuery query, CancellationToken ct)
    {
        if (!await db.AgreementVersions.AnyAsync(v => v.Version == query.Version, ct))
        {
            throw new NotFoundException("Agreement version", query.Version);
        }

        var transitions = db.LeadTransitions.AsNoTracking().Where(t => t.AgreementVersion == query.Version && t.Trigger != null);
        var byTrigger = await transitions.GroupBy(t => t.Trigger!.Value).Select(g => new TriggerCountDto(g.Key, g.Count())).ToListAsync(ct);
        var latest = await transitions.OrderByDescending(t => t.OccurredAt).ThenByDescending(t => t.Step).Take(Math.Clamp(query.Take, 1, 200)).ToListAsync(ct);
        var names = await db.ActorNamesAsync(latest.Select(t => t.ActorUserId), latest.Select(t => t.ActorClientId), ct);
        return new VersionTransitionsDto(query.Version, byTrigger.Sum(t => t.Count), byTrigger.OrderByDescending(t => t.Count).ToList(), latest.Select(t => HistoryEntryDto.Of(t, names)).ToList());
    }
}
