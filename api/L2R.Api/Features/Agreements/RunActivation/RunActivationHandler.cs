using L2R.Api.Features.Leads;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Live;
using L2R.Api.Infrastructure.Web;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Agreements.RunActivation;

/// <summary>
/// The mover's batch form over every open lead below the new version: each batch re-reads its leads in its own
/// transaction (a lead edited meanwhile is judged on its current data; one a person's write wins is left to that
/// write), and a lead at the new version is never taken again, so a resumed run never moves a lead twice.
/// </summary>
public sealed class RunActivationHandler(L2RDbContext db, LeadMoves moves, LiveBoardChanges live, TimeProvider clock) : ICommandHandler<RunActivationCommand>
{
    public async ValueTask<Unit> Handle(RunActivationCommand command, CancellationToken ct)
    {
        live.ActAs(SystemActors.Activation, BoardReloadReasons.Activation);
        var activation = await db.AgreementActivations.FirstOrDefaultAsync(a => a.Id == command.ActivationId, ct)
            ?? throw new NotFoundException("Activation", command.ActivationId);
        if (activation.Status == ActivationStatus.Failed)
        {
            activation.Status = ActivationStatus.Running;
            activation.Error = null;
            await db.SaveChangesAsync(ct);
        }

        // SQLite has one writer: small batches keep its lock short; a server database takes larger ones.
        var batchSize = db.Database.IsSqlite() ? 1000 : 5000;

        // Each page starts after the last one, so the database does not step again over the leads already at the version
        // (from the start, page n walks n pages of them). A lead a person's write won stays below it: when the pages reach
        // the end, one more pass from the start takes those, and only a pass from the start that finds none completes.
        Guid? after = null;
        while (activation.Status == ActivationStatus.Running)
        {
            var version = activation.Version;
            var below = db.Leads.AsNoTracking().Open().Where(l => l.AgreementVersion < version);
            if (after is { } last)
            {
                below = below.Where(l => l.Id > last);
            }

            var ids = await below.OrderBy(l => l.Id).Select(l => l.Id).Take(batchSize).ToListAsync(ct);
            if (ids.Count == 0 && after is not null)
            {
                after = null;
                continue;
            }

            if (ids.Count == 0)
            {
                activation.Status = ActivationStatus.Completed;
                activation.CompletedAt = clock.GetUtcNow().UtcDateTime;
                activation.Processed = Math.Max(activation.Processed, activation.Total);
                await db.SaveChangesAsync(ct);
                break;
            }

            after = ids[^1];
            var outcome = await moves.AdvanceBatchAsync(ids, TimeSpan.Zero, ct);
            activation = await db.AgreementActivations.SingleAsync(a => a.Id == command.ActivationId, ct);
            activation.Processed += outcome.Advanced;
            activation.Moved += outcome.MovedLeads;
            await db.SaveChangesAsync(ct);
        }

        return Unit.Value;
    }
}
