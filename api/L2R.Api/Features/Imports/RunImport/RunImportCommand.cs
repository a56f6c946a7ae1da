using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Live;
using L2R.Api.Infrastructure.Telemetry;
using L2R.Domain.Leads;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace L2R.Api.Features.Imports.RunImport;

/// <summary>Runs (or resumes) the pass an import is queued for, dry or real, batch by batch; <c>ImportJob</c> sends it once it holds the run's lease.</summary>
public sealed record RunImportCommand(Guid RunId, string Instance) : ICommand;

/// <summary>
/// Reads the stored file from the start; rows before <see cref="ImportRun.RowsDone"/> were committed by an earlier
/// attempt and are only read again for their emails, so a resumed run treats in-file duplicates exactly as one that
/// never stopped. Each batch commits its rows, its errors and the run's progress (and renews the lease) in one
/// transaction; a cancel is honoured between batches.
/// </summary>
public sealed class RunImportHandler(L2RDbContext db, LeadImportBatch leads, ActivityImportBatch activities, ImportFileStore files, IOptions<ImportOptions> options, L2RMetrics metrics, LiveBoardChanges live, TimeProvider clock)
    : ICommandHandler<RunImportCommand>
{
    private const int MaxAttempts = 3;

    /// <summary>
    /// SQLite has one writer, and a writer that finds it busy retries every 150 ms: a pause longer than that after each
    /// batch lets people's edits (and a cancel) in while an import runs, instead of waiting for it to end.
    /// </summary>
    private static readonly TimeSpan SqliteWriterGap = TimeSpan.FromMilliseconds(160);

    public async ValueTask<Unit> Handle(RunImportCommand command, CancellationToken ct)
    {
        live.ActAs(SystemActors.Import, BoardReloadReasons.Import);
        var run = await db.ImportRuns.SingleAsync(r => r.Id == command.RunId, ct);
        if (run.Status is not (ImportStatus.Queued or ImportStatus.Running))
        {
            return Unit.Value;
        }

        var actor = await ActorAsync(run, ct);
        run.Status = ImportStatus.Running;
        run.RunningSince = Now;
        run.RowsAtRunningSince = run.RowsDone;
        if (!run.DryRun)
        {
            run.StartedAt ??= Now;
        }

        try
        {
            run.TotalRows ??= await CountRowsAsync(run.Id, ct);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            await ProcessAsync(run.Id, actor, command.Instance, ct);
        }
        catch (ImportFileException bad)
        {
            await FinishAsync(run.Id, ImportStatus.Failed, bad.Message, ct);
        }

        return Unit.Value;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task ProcessAsync(Guid runId, Actor actor, string instance, CancellationToken ct)
    {
        var run = await db.ImportRuns.AsNoTracking().SingleAsync(r => r.Id == runId, ct);
        var batchRows = db.Database.IsSqlite() ? options.Value.SqliteBatchRows : options.Value.BatchRows;
        var reader = new ImportRowReader(run.Kind, run.Header, run.Mapping, Now);
        var emailsInFile = new HashSet<string>(StringComparer.Ordinal);
        var done = run.RowsDone;
        var batch = new List<ImportRow>(batchRows);

        using var csv = await ImportCsvReader.OpenAsync(files.OpenRead(runId), ct);
        var index = 0;
        await foreach (var csvRow in csv.RowsAsync(ct))
        {
            var row = reader.Read(csvRow);
            if (index++ < done)
            {
                if (row.Email is { } email)
                {
                    emailsInFile.Add(email);
                }

                continue;
            }

            batch.Add(row);
            if (batch.Count == batchRows)
            {
                if (!await CommitAsync(runId, batch, emailsInFile, actor, instance, ct))
                {
                    return;
                }

                batch.Clear();
            }
        }

        if (await CommitAsync(runId, batch, emailsInFile, actor, instance, ct))
        {
            await FinishAsync(runId, ImportStatus.Completed, null, ct);
        }
    }

    /// <summary>Writes one batch with the run's progress; false when the run was cancelled (or taken over) and must stop.</summary>
    private async Task<bool> CommitAsync(Guid runId, List<ImportRow> batch, HashSet<string> emailsInFile, Actor actor, string instance, CancellationToken ct)
    {
        // The emails this batch meets first: taken out again when its transaction rolls back, so a retry sees the file as before.
        var firstSeen = batch.Select(r => r.Email).OfType<string>().Where(e => !emailsInFile.Contains(e)).ToHashSet(StringComparer.Ordinal);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var carryOn = await db.InTransactionAsync(async () =>
                {
                    var run = await db.ImportRuns.SingleAsync(r => r.Id == runId, ct);
                    if (run.CancelRequested || run.ClaimedBy != instance)
                    {
                        return false;
                    }

                    var counts = run.Kind == ImportKind.Leads
                        ? await leads.ProcessAsync(run, batch, emailsInFile, actor, ct)
                        : await activities.ProcessAsync(run, batch, actor, ct);
                    run.Counts = run.Counts.Add(counts);
                    run.RowsDone += batch.Count;
                    run.HeartbeatAt = Now;
                    await db.SaveChangesAsync(ct);
                    return true;
                }, ct);
                db.ChangeTracker.Clear();
                if (!carryOn)
                {
                    await StopIfCancelledAsync(runId, ct);
                    return false;
                }

                metrics.ImportedRows(batch.Count);
                if (db.Database.IsSqlite())
                {
                    await Task.Delay(SqliteWriterGap, clock, ct);
                }

                return true;
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // A person wrote one of these leads (or created one with a row's email) meanwhile: take the batch again.
                db.ChangeTracker.Clear();
                emailsInFile.ExceptWith(firstSeen);
            }
        }
    }

    private async Task StopIfCancelledAsync(Guid runId, CancellationToken ct) =>
        await db.ImportRuns.Where(r => r.Id == runId && r.CancelRequested)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ImportStatus.Cancelled).SetProperty(r => r.CompletedAt, Now).SetProperty(r => r.ClaimedBy, (string?)null), ct);

    private async Task FinishAsync(Guid runId, ImportStatus status, string? error, CancellationToken ct)
    {
        var run = await db.ImportRuns.SingleAsync(r => r.Id == runId, ct);
        run.Status = status;
        run.Error = error;
        run.CompletedAt = Now;
        run.ClaimedBy = null;
        if (status == ImportStatus.Completed)
        {
            run.TotalRows = run.RowsDone;
            if (run.DryRun)
            {
                run.DryRunCounts = run.Counts;
            }
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>The person who queued the pass, with their roles now; the mover's creation entries name them.</summary>
    private async Task<Actor> ActorAsync(ImportRun run, CancellationToken ct)
    {
        var userId = run.StartedBy ?? run.CreatedBy;
        var roles = await db.Users.Where(u => u.Id == userId).Select(u => u.Roles).FirstOrDefaultAsync(ct);
        return Actor.User(userId, roles);
    }

    /// <summary>A quick first read, so progress has a total and an ETA from the first batch.</summary>
    private async Task<int> CountRowsAsync(Guid runId, CancellationToken ct)
    {
        using var csv = await ImportCsvReader.OpenAsync(files.OpenRead(runId), ct);
        var rows = 0;
        await foreach (var _ in csv.RowsAsync(ct))
        {
            rows++;
        }

        return rows;
    }
}
