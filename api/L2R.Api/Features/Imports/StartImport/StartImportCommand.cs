using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Scheduling;
using L2R.Api.Infrastructure.Web;
using Mediator;
using Microsoft.Extensions.Options;

namespace L2R.Api.Features.Imports.StartImport;

public sealed record StartImportCommand(Guid Id) : ICommand<ImportRunDto>;

/// <summary>
/// Runs a finished dry run's stored file for real, with the mapping and policy the dry run used (its counts stay as the
/// forecast); or continues a real run that failed, after its last committed batch. Anything else is a 409.
/// </summary>
public sealed class StartImportHandler(L2RDbContext db, ImportScheduler imports, ICurrentUser user, IOptions<ImportOptions> options, TimeProvider clock)
    : ICommandHandler<StartImportCommand, ImportRunDto>
{
    public async ValueTask<ImportRunDto> Handle(StartImportCommand command, CancellationToken ct)
    {
        var queued = await db.InTransactionAsync(async () =>
        {
            var run = await db.FindImportAsync(command.Id, ct);
            if (run.DryRun && run.Status == ImportStatus.Completed)
            {
                await db.QueueNewPassAsync(run, ct);
                run.DryRun = false;
                run.StartedBy = user.RequiredUserId;
            }
            else if (run.Status == ImportStatus.Failed && !run.DryRun)
            {
                run.Status = ImportStatus.Queued;
                run.Error = null;
            }
            else
            {
                throw new ConflictException(run.DryRun
                    ? $"The dry run is {run.Status.ToString().ToLowerInvariant()}; start an import once its dry run has completed."
                    : $"The import is {run.Status.ToString().ToLowerInvariant()}; only a failed import can be started again.");
            }

            await db.SaveChangesAsync(ct);
            return run;
        }, ct);
        await imports.ScheduleAsync(queued.TenantId, queued.Id, ct);
        return await db.ToDtoAsync(queued, clock.GetUtcNow().UtcDateTime, options.Value.UndoDays, ct);
    }
}
