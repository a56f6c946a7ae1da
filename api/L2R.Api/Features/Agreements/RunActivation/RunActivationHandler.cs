using L2R.Api.Features.Leads;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Agreements.RunActivation;

/// <summary>
/// The mover's batch form over every open lead below the new version, one keyset page in id order at a time: each page
/// re-reads its leads in its own transaction (a lead edited meanwhile is judged on its current data), the next starts
/// after the last id committed, and a lead at the new version is never taken again, so a resumed run (which starts from
/// the first id) never moves a lead twice.
/// </summary>
public sealed class RunActivationHandler(L2RDbContext db, LeadMoves moves, TimeProvider clock) : ICommandHandler<RunActivationCommand>
{
    private const int MaxAttempts = 3;

    public async ValueTask<Unit> Handle(RunActivationCommand command, CancellationToken ct)
    {
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
        var failures = 0;
        Guid? after = null;
        while (activation.Status == ActivationStatus.Running)
        {
            var version = activation.Version;
            try
            {
                var last = await db.InTransactionAsync(async () =>
                {
                    var query = db.Leads.Open().Where(l => l.AgreementVersion < version);
                    if (after is { } previous)
                    {
                        query = query.Where(l => l.Id > previous);
                    }

                    var leads = await query.OrderBy(l => l.Id).Take(batchSize).ToListAsync(ct);
                    if (leads.Count == 0)
                    {
                        activation.Status = ActivationStatus.Completed;
                        activation.CompletedAt = clock.GetUtcNow().UtcDateTime;
                        activation.Processed = Math.Max(activation.Processed, activation.Total);
                    }
                    else
                    {
                        var history = await moves.AdvancePageAsync(leads, TimeSpan.Zero, ct);
                        activation.Processed += leads.Count;
                        activation.Moved += history.Select(m => m.LeadId).Distinct().Count();
                    }

                    await db.SaveChangesAsync(ct);
                    return leads.Count == 0 ? (Guid?)null : leads[^1].Id;
                }, ct);
                failures = 0;
                if (last is null)
                {
                    break;
                }

                after = last;
            }
            catch (Exception ex) when (ex is DbUpdateException && ++failures < MaxAttempts)
            {
                // A user's write to one of these leads won; that command already re-scored it, so take the batch again.
            }

            db.ChangeTracker.Clear();
            activation = await db.AgreementActivations.SingleAsync(a => a.Id == command.ActivationId, ct);
        }

        return Unit.Value;
    }
}
