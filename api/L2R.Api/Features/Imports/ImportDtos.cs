using L2R.Api.Infrastructure.Data;

namespace L2R.Api.Features.Imports;

/// <summary>A column of the file: the field it goes to, the field suggested for its name, and its first values.</summary>
public sealed record ImportColumnDto(string Name, string? Field, string? SuggestedField, IReadOnlyList<string> Samples);

/// <summary>Rows done of the current pass, rows per second since this instance took it up, and the time left at that pace.</summary>
public sealed record ImportProgressDto(int RowsDone, int? TotalRows, double RowsPerSecond, double? EtaSeconds, int Percent);

public sealed record ImportErrorDto(long Line, string? Column, string Message);

/// <summary>
/// An import run. <c>dryRunCounts</c> is the forecast (every row's outcome and the stage each created or updated lead
/// would land in); <c>counts</c> is the current pass's, which equal the forecast when the tenant and its agreement did
/// not change in between. <c>firstErrors</c> are the first rows the last pass could not take (all of them: GET .../errors).
/// </summary>
public sealed record ImportRunDto(
    Guid Id,
    ImportKind Kind,
    string FileName,
    long FileBytes,
    string Separator,
    ImportStatus Status,
    bool DryRun,
    bool CancelRequested,
    DuplicatePolicy DuplicatePolicy,
    string? TemplateName,
    IReadOnlyList<ImportColumnDto> Columns,
    ImportCounts? DryRunCounts,
    ImportCounts Counts,
    ImportProgressDto Progress,
    IReadOnlyList<ImportErrorDto> FirstErrors,
    Guid CreatedBy,
    DateTime CreatedAt,
    DateTime? StartedAt,
    DateTime? CompletedAt,
    DateTime? UndoableUntil,
    DateTime? UndoneAt,
    ImportUndoReport? UndoReport,
    string? Error)
{
    public static ImportRunDto From(ImportRun run, IReadOnlyList<ImportErrorDto> firstErrors, DateTime now, int undoDays)
    {
        var fields = run.Mapping.ToDictionary(m => m.Column, m => m.Field, StringComparer.OrdinalIgnoreCase);
        var columns = run.Header.Select((name, i) => new ImportColumnDto(
            name,
            fields.GetValueOrDefault(name),
            ImportMappings.Suggest(run.Kind, name),
            run.Samples.Select(row => i < row.Count ? row[i] : "").ToList())).ToList();
        return new ImportRunDto(
            run.Id, run.Kind, run.FileName, run.FileBytes, run.Separator, run.Status, run.DryRun, run.CancelRequested, run.DuplicatePolicy,
            run.TemplateName, columns, run.DryRunCounts, run.Counts, ProgressOf(run, now), firstErrors, run.CreatedBy, run.CreatedAt, run.StartedAt,
            run.CompletedAt, UndoDeadline(run, undoDays), run.UndoneAt, run.UndoReport, run.Error);
    }

    /// <summary>A real run that wrote something can be undone for a while after it ended.</summary>
    public static DateTime? UndoDeadline(ImportRun run, int undoDays) =>
        !run.DryRun && run.CompletedAt is { } completed && run.Status is ImportStatus.Completed or ImportStatus.Cancelled or ImportStatus.Failed
            ? completed.AddDays(undoDays)
            : null;

    private static ImportProgressDto ProgressOf(ImportRun run, DateTime now)
    {
        var seconds = run.Status == ImportStatus.Running && run.RunningSince is { } since ? (now - since).TotalSeconds : 0;
        var rate = seconds > 0 ? (run.RowsDone - run.RowsAtRunningSince) / seconds : 0;
        double? eta = run.TotalRows is { } total && rate > 0 ? Math.Max(0, total - run.RowsDone) / rate : null;
        var percent = run.TotalRows is > 0 ? (int)Math.Min(100, run.RowsDone * 100L / run.TotalRows.Value) : run.Status == ImportStatus.Completed ? 100 : 0;
        return new ImportProgressDto(run.RowsDone, run.TotalRows, Math.Round(rate, 1), eta is { } e ? Math.Round(e, 1) : null, percent);
    }
}
