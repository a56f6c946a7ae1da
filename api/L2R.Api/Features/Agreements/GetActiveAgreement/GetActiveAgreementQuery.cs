using L2R.Api.Infrastructure.Data;
using L2R.Domain.Agreements;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Agreements.GetActiveAgreement;

public sealed record GetActiveAgreementQuery : IQuery<AgreementVersionDto>;

public sealed record AgreementVersionDto(Guid Id, int Version, AgreementStatus Status, DateTime CreatedAt, DateTime? ActivatedAt, LeadAgreement Agreement);

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
