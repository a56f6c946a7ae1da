using L2R.Api.Features.Leads;
using L2R.Api.Infrastructure.Data;

namespace L2R.Api.Features.Imports;

/// <summary>A data row read for its mapped fields: the values by field (custom fields as <c>custom.&lt;name&gt;</c>), or the first thing wrong with it.</summary>
public sealed record ImportRow(long Line, string Raw, IReadOnlyList<KeyValuePair<string, string>> Values, string? Email, string? ErrorColumn, string? Error)
{
    public bool Failed => Error is not null;

    /// <summary>The same row refused for what only the database could tell (an activity's lead that does not exist).</summary>
    public ImportRow Refused(string error) => this with { Error = Explain(Line, null, error) };

    /// <summary>An error names the line, and the column when one is at fault.</summary>
    public static string Explain(long line, string? column, string error) =>
        column is null ? $"Line {line}: {error}." : $"Line {line}, column \"{column}\": {error}.";
}

/// <summary>Reads rows of one file through one mapping; the same rows read the same way in the dry run and the run.</summary>
public sealed class ImportRowReader(ImportKind kind, IReadOnlyList<string> header, IReadOnlyList<ColumnMapping> mapping, DateTime now)
{
    private const int MaxCustomFields = 50;

    private readonly List<(int Index, string Column, string Field)> _columns = mapping
        .Where(m => m.Field is not null)
        .Select(m => (Index: header.ToList().FindIndex(h => string.Equals(h, m.Column, StringComparison.OrdinalIgnoreCase)), m.Column, Field: m.Field!))
        .Where(c => c.Index >= 0)
        .ToList();

    public ImportRow Read(CsvRow row)
    {
        if (row.Problem is { } problem)
        {
            return Fail(row, null, problem);
        }

        var values = new List<KeyValuePair<string, string>>();
        foreach (var (index, column, field) in _columns)
        {
            var cell = row.Fields[index];
            if (cell.Length == 0)
            {
                continue;
            }

            var parsed = kind == ImportKind.Activities ? ActivityImportFields.Parse(field, cell, now)
                : LeadImportFields.Find(field) is { } known ? known.Parse(cell)
                : cell.Length <= LeadImportFields.MaxCustomValue ? ParsedCell.Ok(cell) : ParsedCell.Bad($"is {cell.Length} characters long; at most {LeadImportFields.MaxCustomValue}");
            if (parsed.Error is { } error)
            {
                return Fail(row, column, error);
            }

            values.Add(new(field, parsed.Value!));
        }

        if (kind == ImportKind.Activities && !(values.Any(v => v.Key == "email") && values.Any(v => v.Key == "type")))
        {
            return Fail(row, null, "an activity needs the lead's email and its type");
        }

        if (kind == ImportKind.Leads && !values.Any(v => v.Key is "email" or "lastName" or "company"))
        {
            return Fail(row, null, "a lead needs at least an email, a last name or a company");
        }

        if (values.Count(v => v.Key.StartsWith(LeadImportFields.CustomPrefix, StringComparison.Ordinal)) > MaxCustomFields)
        {
            return Fail(row, null, $"at most {MaxCustomFields} custom fields");
        }

        return new ImportRow(row.Line, row.Raw, values, LeadReads.Normalize(values.FirstOrDefault(v => v.Key == "email").Value), null, null);
    }

    private static ImportRow Fail(CsvRow row, string? column, string error) =>
        new(row.Line, row.Raw, [], null, column, ImportRow.Explain(row.Line, column, error));
}
