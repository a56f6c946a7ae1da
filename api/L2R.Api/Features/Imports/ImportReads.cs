using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Imports;

/// <summary>Reads the import use cases share: a run by id (404 when unknown or another tenant's) and its answer.</summary>
public static class ImportReads
{
    public const int FirstErrors = 20;

    public static async Task<ImportRun> FindImportAsync(this L2RDbContext db, Guid id, CancellationToken ct) =>
        await db.ImportRuns.FirstOrDefaultAsync(r => r.Id == id && r.Status != ImportStatus.Uploading, ct) ?? throw new NotFoundException("Import", id);

    /// <summary>Queues a new pass over the run's file from its first row: the last pass's errors and counts go.</summary>
    public static async Task QueueNewPassAsync(this L2RDbContext db, ImportRun run, CancellationToken ct)
    {
        await db.ImportRowErrors.Where(e => e.ImportRunId == run.Id).ExecuteDeleteAsync(ct);
        run.Status = ImportStatus.Queued;
        run.CancelRequested = false;
        run.RowsDone = 0;
        run.Counts = new ImportCounts();
        run.CompletedAt = null;
        run.Error = null;
    }

    public static async Task<ImportRunDto> ToDtoAsync(this L2RDbContext db, ImportRun run, DateTime now, int undoDays, CancellationToken ct)
    {
        var errors = await db.ImportRowErrors.AsNoTracking()
            .Where(e => e.ImportRunId == run.Id)
            .OrderBy(e => e.Line)
            .Take(FirstErrors)
            .Select(e => new ImportErrorDto(e.Line, e.Column, e.Message))
            .ToListAsync(ct);
        return ImportRunDto.From(run, errors, now, undoDays);
    }
}
