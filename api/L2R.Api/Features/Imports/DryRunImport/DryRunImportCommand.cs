using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Scheduling;
using L2R.Api.Infrastructure.Web;
using Mediator;
using Microsoft.Extensions.Options;

namespace L2R.Api.Features.Imports.DryRunImport;

/// <summary>A new mapping (or template) and policy for a dry run's file; fields left out keep the run's.</summary>
public sealed record DryRunImportRequest(IReadOnlyList<ColumnMapping>? Mapping, string? Template, DuplicatePolicy? DuplicatePolicy);

public sealed record DryRunImportCommand(Guid Id, DryRunImportRequest Request) : ICommand<ImportRunDto>;

/// <summary>Runs the dry run again on the stored file, without uploading it again: the mapping screen's "check again".</summary>
public sealed class DryRunImportHandler(L2RDbContext db, ImportScheduler imports, IOptions<ImportOptions> options, TimeProvider clock)
    : ICommandHandler<DryRunImportCommand, ImportRunDto>
{
    public async ValueTask<ImportRunDto> Handle(DryRunImportCommand command, CancellationToken ct)
    {
        var queued = await db.InTransactionAsync(async () =>
        {
            var run = await db.FindImportAsync(command.Id, ct);
            if (!run.DryRun || run.Status is not (ImportStatus.Completed or ImportStatus.Failed or ImportStatus.Cancelled))
            {
                throw new ConflictException($"Only a dry run that has ended can run again; this one is {(run.DryRun ? run.Status.ToString().ToLowerInvariant() : "a real import")}.");
            }

            var request = command.Request;
            if (request.Mapping is not null || !string.IsNullOrWhiteSpace(request.Template))
            {
                var (mapping, policy) = await ImportMappings.ResolveAsync(db, run.Kind, run.Header, request.Mapping, request.Template, ct);
                run.Mapping = mapping;
                run.TemplateName = request.Mapping is null ? request.Template!.Trim() : null;
                run.DuplicatePolicy = policy ?? run.DuplicatePolicy;
            }

            run.DuplicatePolicy = request.DuplicatePolicy ?? run.DuplicatePolicy;
            await db.QueueNewPassAsync(run, ct);
            run.DryRunCounts = null;
            await db.SaveChangesAsync(ct);
            return run;
        }, ct);
        await imports.ScheduleAsync(queued.TenantId, queued.Id, ct);
        return await db.ToDtoAsync(queued, clock.GetUtcNow().UtcDateTime, options.Value.UndoDays, ct);
    }
}
