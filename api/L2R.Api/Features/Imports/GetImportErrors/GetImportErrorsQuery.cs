using System.Runtime.CompilerServices;
using CsvHelper;
using L2R.Api.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Imports.GetImportErrors;

public sealed record GetImportErrorsQuery(Guid Id) : IQuery<ImportErrorReport>;

/// <summary>The error report: the line, the column at fault and why, then the row as the file had it, column by column.</summary>
public sealed record ImportErrorReport(string FileName, IReadOnlyList<string> Columns, IAsyncEnumerable<string?[]> Rows);

public sealed class GetImportErrorsHandler(L2RDbContext db) : IQueryHandler<GetImportErrorsQuery, ImportErrorReport>
{
    public static readonly IReadOnlyList<string> ErrorColumns = ["Error Line", "Error Column", "Error"];

    public async ValueTask<ImportErrorReport> Handle(GetImportErrorsQuery query, CancellationToken ct)
    {
        var run = await db.FindImportAsync(query.Id, ct);
        return new ImportErrorReport(
            $"{Path.GetFileNameWithoutExtension(run.FileName)}-errors.csv",
            [.. ErrorColumns, .. run.Header],
            RowsAsync(run, ct));
    }

    private async IAsyncEnumerable<string?[]> RowsAsync(ImportRun run, [EnumeratorCancellation] CancellationToken ct)
    {
        var options = new CsvReaderOptions { HasHeader = false, Separator = run.Separator[0] };
        await foreach (var error in db.ImportRowErrors.AsNoTracking().Where(e => e.ImportRunId == run.Id).OrderBy(e => e.Line).AsAsyncEnumerable().WithCancellation(ct))
        {
            var row = new string?[ErrorColumns.Count + run.Header.Count];
            row[0] = error.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
            row[1] = error.Column;
            row[2] = error.Message;
            using var original = CsvReader.FromText(error.Raw, options);
            if (original.Read())
            {
                for (var i = 0; i < Math.Min(original.FieldCount, run.Header.Count); i++)
                {
                    row[ErrorColumns.Count + i] = original.GetString(i);
                }
            }

            yield return row;
        }
    }
}
