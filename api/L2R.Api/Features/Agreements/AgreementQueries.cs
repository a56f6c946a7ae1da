using L2R.Api.Infrastructure.Data;
using L2R.Domain.Agreements;
using L2R.Domain.Leads;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Agreements;

public sealed record AgreementVersionDto(Guid Id, int Version, AgreementStatus Status, DateTime CreatedAt, DateTime? ActivatedAt, LeadAgreement Agreement);

public sealed record AgreementVersionSummaryDto(Guid Id, int Version, AgreementStatus Status, DateTime CreatedAt, DateTime? ActivatedAt);

public sealed record AgreementDiagramDto(int Version, string Mermaid);

public sealed record GetActiveAgreementQuery : IQuery<AgreementVersionDto>;

public sealed record ListAgreementVersionsQuery : IQuery<IReadOnlyList<AgreementVersionSummaryDto>>;

public sealed record GetAgreementDiagramQuery : IQuery<AgreementDiagramDto>;

public sealed class GetActiveAgreementHandler(L2RDbContext db, AgreementStore agreements) : IQueryHandler<GetActiveAgreementQuery, AgreementVersionDto>
{
    public async ValueTask<AgreementVersionDto> Handle(GetActiveAgreementQuery query, CancellationToken ct)
    {
        var active = await agreements.GetActiveAsync(ct);
        var row = await db.AgreementVersions.AsNoTracking()
            .Where(v => v.Id == active.Id)
            .Select(v => new { v.CreatedAt, v.ActivatedAt })
            .SingleAsync(ct);
        return new AgreementVersionDto(active.Id, active.Version, AgreementStatus.Active, row.CreatedAt, row.ActivatedAt, active.Agreement);
    }
}

public sealed class ListAgreementVersionsHandler(L2RDbContext db) : IQueryHandler<ListAgreementVersionsQuery, IReadOnlyList<AgreementVersionSummaryDto>>
{
    public async ValueTask<IReadOnlyList<AgreementVersionSummaryDto>> Handle(ListAgreementVersionsQuery query, CancellationToken ct) =>
        await db.AgreementVersions.AsNoTracking()
            .OrderByDescending(v => v.Version)
            .Select(v => new AgreementVersionSummaryDto(v.Id, v.Version, v.Status, v.CreatedAt, v.ActivatedAt))
            .ToListAsync(ct);
}

/// <summary>The tenant's state machine as Stateless describes it, guards labelled with the agreement's own wording.</summary>
public sealed class GetAgreementDiagramHandler(AgreementStore agreements, TimeProvider clock) : IQueryHandler<GetAgreementDiagramQuery, AgreementDiagramDto>
{
    public async ValueTask<AgreementDiagramDto> Handle(GetAgreementDiagramQuery query, CancellationToken ct)
    {
        var active = await agreements.GetActiveAsync(ct);
        return AgreementDiagrams.Draw(active.Version, active.Agreement, clock);
    }
}

public static class AgreementDiagrams
{
    public static AgreementDiagramDto Draw(int version, LeadAgreement agreement, TimeProvider clock) =>
        new(version, new LeadWorkflow(agreement, new LeadFacts(new Lead(), [], clock.GetUtcNow().UtcDateTime), Actor.System).ToMermaid());
}
