using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Agreements;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Agreements.GetDraftDiagram;

public sealed record GetDraftDiagramQuery(Guid DraftId) : IQuery<AgreementDiagramDto>;

public sealed class GetDraftDiagramHandler(L2RDbContext db, TimeProvider clock) : IQueryHandler<GetDraftDiagramQuery, AgreementDiagramDto>
{
    public async ValueTask<AgreementDiagramDto> Handle(GetDraftDiagramQuery query, CancellationToken ct)
    {
        var row = await db.AgreementVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == query.DraftId, ct) ?? throw new NotFoundException("Agreement draft", query.DraftId);
        return AgreementDiagrams.Draw(row.Version, AgreementJson.Deserialize(row.Content), clock);
    }
}
