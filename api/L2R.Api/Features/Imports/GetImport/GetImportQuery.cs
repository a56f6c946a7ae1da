using L2R.Api.Infrastructure.Data;
using Mediator;
using Microsoft.Extensions.Options;

namespace L2R.Api.Features.Imports.GetImport;

public sealed record GetImportQuery(Guid Id) : IQuery<ImportRunDto>;

public sealed class GetImportHandler(L2RDbContext db, IOptions<ImportOptions> options, TimeProvider clock) : IQueryHandler<GetImportQuery, ImportRunDto>
{
    public async ValueTask<ImportRunDto> Handle(GetImportQuery query, CancellationToken ct) =>
        await db.ToDtoAsync(await db.FindImportAsync(query.Id, ct), clock.GetUtcNow().UtcDateTime, options.Value.UndoDays, ct);
}
