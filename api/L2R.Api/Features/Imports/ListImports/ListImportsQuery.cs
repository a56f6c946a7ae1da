using FluentValidation;
using L2R.Api.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace L2R.Api.Features.Imports.ListImports;

/// <summary>The tenant's import runs, newest first.</summary>
public sealed record ListImportsQuery(int Take = 50) : IQuery<IReadOnlyList<ImportRunDto>>;

public sealed class ListImportsValidator : AbstractValidator<ListImportsQuery>
{
    public ListImportsValidator() => RuleFor(q => q.Take).InclusiveBetween(1, 200);
}

public sealed class ListImportsHandler(L2RDbContext db, IOptions<ImportOptions> options, TimeProvider clock) : IQueryHandler<ListImportsQuery, IReadOnlyList<ImportRunDto>>
{
    public async ValueTask<IReadOnlyList<ImportRunDto>> Handle(ListImportsQuery query, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var runs = await db.ImportRuns.AsNoTracking()
            .Where(r => r.Status != ImportStatus.Uploading)
            .OrderByDescending(r => r.CreatedAt)
            .Take(query.Take)
            .ToListAsync(ct);
        return runs.Select(r => ImportRunDto.From(r, [], now, options.Value.UndoDays)).ToList();
    }
}
