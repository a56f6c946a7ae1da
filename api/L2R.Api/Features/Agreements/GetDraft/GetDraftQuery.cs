using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Agreements.GetDraft;

public sealed record GetDraftQuery(Guid DraftId) : IQuery<AgreementDraftDto>;

public sealed class GetDraftHandler(L2RDbContext db) : IQueryHandler<GetDraftQuery, AgreementDraftDto>
{
    public async ValueTask<AgreementDraftDto> Handle(GetDraftQuery query, CancellationToken ct) =>
        await db.ToDraftDtoAsync(
            await db.VersionsToShow().FirstOrDefaultAsync(v => v.Id == query.DraftId, ct) ?? throw new NotFoundException("Agreement draft", query.DraftId),
            ct);
}
