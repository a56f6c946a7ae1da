using L2R.Api.Infrastructure.Data;
using L2R.Domain.Agreements;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Agreements.GetOpenDraft;

public sealed record GetOpenDraftQuery : IQuery<OpenDraftDto>;

public sealed record OpenDraftDto(AgreementDraftDto? Draft);

public sealed class GetOpenDraftHandler(L2RDbContext db) : IQueryHandler<GetOpenDraftQuery, OpenDraftDto>
{
    public async ValueTask<OpenDraftDto> Handle(GetOpenDraftQuery query, CancellationToken ct) =>
        new(await db.VersionsToShow().FirstOrDefaultAsync(v => v.Status == AgreementStatus.Draft, ct) is { } draft
            ? await db.ToDraftDtoAsync(draft, ct)
            : null);
}
