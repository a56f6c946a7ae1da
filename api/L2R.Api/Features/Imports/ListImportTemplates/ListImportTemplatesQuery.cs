using L2R.Api.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Imports.ListImportTemplates;

public sealed record ImportTemplateDto(string Name, ImportKind Kind, IReadOnlyList<ColumnMapping> Mapping, DuplicatePolicy DuplicatePolicy, DateTime UpdatedAt);

public sealed record ListImportTemplatesQuery(ImportKind? Kind) : IQuery<IReadOnlyList<ImportTemplateDto>>;

public sealed class ListImportTemplatesHandler(L2RDbContext db) : IQueryHandler<ListImportTemplatesQuery, IReadOnlyList<ImportTemplateDto>>
{
    public async ValueTask<IReadOnlyList<ImportTemplateDto>> Handle(ListImportTemplatesQuery query, CancellationToken ct) =>
        await db.ImportTemplates.AsNoTracking()
            .Where(t => query.Kind == null || t.Kind == query.Kind)
            .OrderBy(t => t.Name)
            .Select(t => new ImportTemplateDto(t.Name, t.Kind, t.Mapping, t.DuplicatePolicy, t.UpdatedAt))
            .ToListAsync(ct);
}
