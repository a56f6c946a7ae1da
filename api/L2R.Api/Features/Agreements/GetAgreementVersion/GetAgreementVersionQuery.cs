using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Agreements.GetAgreementVersion;

public sealed record GetAgreementVersionQuery(int Version) : IQuery<AgreementDraftDto>;

public sealed class GetAgreementVersionHandler(L2RDbContext db) : IQueryHandler<GetAgreementVersionQuery, AgreementDraftDto>
{
    public async ValueTask<AgreementDraftDto> Handle(GetAgreementVersionQuery query, CancellationToken ct) =>
        await db.ToDraftDtoAsync(
            await db.VersionsToShow().FirstOrDefaultAsync(v => v.Version == query.Version, ct) ?? throw new NotFoundException("Agreement version", query.Version),
            ct);
}
