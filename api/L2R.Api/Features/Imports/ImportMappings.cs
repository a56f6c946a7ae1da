using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Imports;

/// <summary>Which column goes to which field: given, taken from a saved template, or suggested from the header names.</summary>
public static class ImportMappings
{
    public static string? Suggest(ImportKind kind, string header) => kind switch
    {
        ImportKind.Leads => LeadImportFields.Suggest(header),
        _ => ActivityImportFields.Suggest(header),
    };

    /// <summary>
    /// The mapping a pass runs with: <paramref name="given"/> when the request has one, else the named template's,
    /// else the suggestion for every column. Refused (400, nothing written) when a column is not in the file, a field
    /// is unknown or taken twice, or the fields a row needs are not mapped at all.
    /// </summary>
    public static async Task<(List<ColumnMapping> Mapping, DuplicatePolicy? Policy)> ResolveAsync(
        L2RDbContext db, ImportKind kind, IReadOnlyList<string> header, IReadOnlyList<ColumnMapping>? given, string? templateName, CancellationToken ct)
    {
        DuplicatePolicy? policy = null;
        if (given is null && !string.IsNullOrWhiteSpace(templateName))
        {
            var name = templateName.Trim();
            var template = await db.ImportTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Kind == kind && t.Name == name, ct)
                ?? throw RequestValidationException.For("template", $"There is no {kind.ToString().ToLowerInvariant()} template named \"{name}\".");
            given = template.Mapping.Where(m => header.Contains(m.Column, StringComparer.OrdinalIgnoreCase)).ToList();
            policy = template.DuplicatePolicy;
        }

        var mapping = given?.ToList() ?? header.Select(h => new ColumnMapping(h, Suggest(kind, h))).ToList();
        Check(kind, header, mapping);
        return (mapping, policy);
    }

    public static void Check(ImportKind kind, IReadOnlyList<string> header, IReadOnlyList<ColumnMapping> mapping)
    {
        var errors = new List<string>();
        foreach (var column in mapping.Where(m => !header.Contains(m.Column, StringComparer.OrdinalIgnoreCase)))
        {
            errors.Add($"The file has no column \"{column.Column}\".");
        }

        foreach (var column in mapping.Where(m => m.Field is { } field && !IsTarget(kind, field)))
        {
            errors.Add($"\"{column.Field}\" (for column \"{column.Column}\") is not a field an import can fill.");
        }

        foreach (var twice in mapping.Where(m => m.Field is not null).GroupBy(m => m.Field!, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            errors.Add($"The field \"{twice.Key}\" is mapped from more than one column ({string.Join(", ", twice.Select(m => $"\"{m.Column}\""))}).");
        }

        foreach (var twice in mapping.GroupBy(m => m.Column, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            errors.Add($"The column \"{twice.Key}\" is mapped more than once.");
        }

        var mapped = mapping.Select(m => m.Field).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (kind == ImportKind.Leads && !mapped.Overlaps(["email", "lastName", "company"]))
        {
            errors.Add("Map a column to email, last name or company: a lead needs at least one of them.");
        }

        if (kind == ImportKind.Activities && !(mapped.Contains("email") && mapped.Contains("type")))
        {
            errors.Add("Map a column to email (the lead's) and one to type (the activity's).");
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(new Dictionary<string, string[]> { ["mapping"] = [.. errors] });
        }
    }

    private static bool IsTarget(ImportKind kind, string field) => kind switch
    {
        ImportKind.Leads => LeadImportFields.IsTarget(field),
        _ => ActivityImportFields.Find(field) is not null,
    };
}
