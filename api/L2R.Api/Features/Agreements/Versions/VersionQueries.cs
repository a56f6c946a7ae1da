using L2R.Api.Features.Agreements.Drafts;
using L2R.Api.Features.Leads;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Agreements;
using L2R.Domain.Leads;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Agreements.Versions;

public sealed record GetAgreementVersionQuery(int Version) : IQuery<AgreementDraftDto>;

public sealed record GetOpenDraftQuery : IQuery<OpenDraftDto>;

public sealed record GetDraftQuery(Guid DraftId) : IQuery<AgreementDraftDto>;

public sealed record GetDraftDiagramQuery(Guid DraftId) : IQuery<AgreementDiagramDto>;

public sealed record DiffAgreementVersionsQuery(int From, int To) : IQuery<AgreementDiffDto>;

public sealed record AgreementDiffDto(int From, int To, IReadOnlyList<AgreementChange> Changes);

public sealed record ListVersionTransitionsQuery(int Version, int Take = 50) : IQuery<VersionTransitionsDto>;

public sealed record TriggerCountDto(LeadTrigger Trigger, int Count);

public sealed record VersionTransitionsDto(int Version, int Total, IReadOnlyList<TriggerCountDto> ByTrigger, IReadOnlyList<HistoryEntryDto> Latest);

public sealed record ListAgreementAuditQuery(int Take = 100) : IQuery<IReadOnlyList<AgreementAuditDto>>;

public sealed record AgreementAuditDto(Guid Id, int Version, AgreementAuditAction Action, Guid? UserId, string UserName, DateTime At, string? Detail);

public sealed class GetAgreementVersionHandler(L2RDbContext db) : IQueryHandler<GetAgreementVersionQuery, AgreementDraftDto>
{
    public async ValueTask<AgreementDraftDto> Handle(GetAgreementVersionQuery query, CancellationToken ct) =>
        await db.ToDraftDtoAsync(
            await db.AgreementVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Version == query.Version, ct) ?? throw new NotFoundException("Agreement version", query.Version),
            ct);
}

public sealed class GetOpenDraftHandler(L2RDbContext db) : IQueryHandler<GetOpenDraftQuery, OpenDraftDto>
{
    public async ValueTask<OpenDraftDto> Handle(GetOpenDraftQuery query, CancellationToken ct) =>
        new(await db.AgreementVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Status == AgreementStatus.Draft, ct) is { } draft
            ? await db.ToDraftDtoAsync(draft, ct)
            : null);
}

public sealed class GetDraftHandler(L2RDbContext db) : IQueryHandler<GetDraftQuery, AgreementDraftDto>
{
    public async ValueTask<AgreementDraftDto> Handle(GetDraftQuery query, CancellationToken ct) =>
        await db.ToDraftDtoAsync(
            await db.AgreementVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == query.DraftId, ct) ?? throw new NotFoundException("Agreement draft", query.DraftId),
            ct);
}

public sealed class GetDraftDiagramHandler(L2RDbContext db, TimeProvider clock) : IQueryHandler<GetDraftDiagramQuery, AgreementDiagramDto>
{
    public async ValueTask<AgreementDiagramDto> Handle(GetDraftDiagramQuery query, CancellationToken ct)
    {
        var row = await db.AgreementVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == query.DraftId, ct) ?? throw new NotFoundException("Agreement draft", query.DraftId);
        return AgreementDiagrams.Draw(row.Version, AgreementJson.Deserialize(row.Content), clock);
    }
}

public sealed class DiffAgreementVersionsHandler(L2RDbContext db) : IQueryHandler<DiffAgreementVersionsQuery, AgreementDiffDto>
{
    public async ValueTask<AgreementDiffDto> Handle(DiffAgreementVersionsQuery query, CancellationToken ct)
    {
        var rows = await db.AgreementVersions.AsNoTracking()
            .Where(v => v.Version == query.From || v.Version == query.To)
            .ToDictionaryAsync(v => v.Version, v => v.Content, ct);
        var from = rows.GetValueOrDefault(query.From) ?? throw new NotFoundException("Agreement version", query.From);
        var to = rows.GetValueOrDefault(query.To) ?? throw new NotFoundException("Agreement version", query.To);
        return new AgreementDiffDto(query.From, query.To, AgreementDiff.Compare(AgreementJson.Deserialize(from), AgreementJson.Deserialize(to)));
    }
}

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
        var names = await db.UserNamesAsync(latest.Select(t => t.ActorUserId), ct);
        return new VersionTransitionsDto(query.Version, byTrigger.Sum(t => t.Count), byTrigger.OrderByDescending(t => t.Count).ToList(), latest.Select(t => HistoryEntryDto.Of(t, names)).ToList());
    }
}

public sealed class ListAgreementAuditHandler(L2RDbContext db) : IQueryHandler<ListAgreementAuditQuery, IReadOnlyList<AgreementAuditDto>>
{
    public async ValueTask<IReadOnlyList<AgreementAuditDto>> Handle(ListAgreementAuditQuery query, CancellationToken ct)
    {
        var entries = await db.AgreementAudit.AsNoTracking().OrderByDescending(a => a.At).ThenBy(a => a.Id).Take(Math.Clamp(query.Take, 1, 500)).ToListAsync(ct);
        var names = await db.UserNamesAsync(entries.Select(e => e.UserId), ct);
        return entries.Select(e => new AgreementAuditDto(e.Id, e.Version, e.Action, e.UserId, e.UserId is { } id ? names.GetValueOrDefault(id, "former user") : "system", e.At, e.Detail)).ToList();
    }
}
