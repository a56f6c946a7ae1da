using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace L2R.Api.Features.Imports.CancelImport;

public sealed record CancelImportCommand(Guid Id) : ICommand<ImportRunDto>;

/// <summary>
/// A queued run is cancelled at once; a running one stops after the batch in hand (what it committed stays, and can be
/// undone). Asking again, or of a run that has ended, is a 409.
/// </summary>
public sealed class CancelImportHandler(L2RDbContext db, IOptions<ImportOptions> options, TimeProvider clock) : ICommandHandler<CancelImportCommand, ImportRunDto>
{
    public async ValueTask<ImportRunDto> Handle(CancelImportCommand command, CancellationToken ct)
    {
        var run = await db.FindImportAsync(command.Id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (run.Status is not (ImportStatus.Queued or ImportStatus.Running) || run.CancelRequested)
        {
            throw new ConflictException($"The import is {run.Status.ToString().ToLowerInvariant()}; only a queued or running import can be cancelled.");
        }

        // Set with one statement, so the import job's progress writes (which never touch these columns) cannot undo it.
        await db.ImportRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.CancelRequested, true), ct);
        await db.ImportRuns.Where(r => r.Id == run.Id && r.Status == ImportStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ImportStatus.Cancelled).SetProperty(r => r.CompletedAt, now), ct);
        await db.Entry(run).ReloadAsync(ct);
        return await db.ToDtoAsync(run, now, options.Value.UndoDays, ct);
    }
}
