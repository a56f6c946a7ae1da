using L2R.Api.Infrastructure.Data;
using L2R.Domain.Agreements;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Agreements.ListAgreementVersions;

public sealed record ListAgreementVersionsQuery : IQuery<IReadOnlyList<AgreementVersionSummaryDto>>;

public sealed record AgreementVersionSummaryDto(Guid Id, int Version, AgreementStatus Status, DateTime CreatedAt, DateTime? ActivatedAt);

public sealed class ListAgreementVersionsHandler(L2RDbContext db) : IQueryHandler<ListAgreementVersionsQuery, IReadOnlyList<AgreementVersionSummaryDto>>
{
    public async ValueTask<IReadOnlyList<AgreementVersionSummaryDto>> Handle(ListAgreementVersionsQuery query, CancellationToken ct) =>
        await db.AgreementVersions.AsNoTracking()
            .OrderByDescending(v => v.Version)
            .Select(v => new AgreementVersionSummaryDto(v.Id, v.Version, v.Status, v.CreatedAt, v.ActivatedAt))
            .ToListAsync(ct);
}
