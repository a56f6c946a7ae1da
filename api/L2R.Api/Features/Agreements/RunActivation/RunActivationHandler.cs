using L2R.Api.Features.Leads;
using L2R.Api.Features.Leads.AdvanceLead;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Agreements.RunActivation;

public sealed class RunActivationHandler(L2RDbContext db, IMediator mediator, TimeProvider clock) : ICommandHandler<RunActivationCommand>
{
    /// <summary>Small enough that one batch's transaction holds SQLite's write lock only briefly.</summary>
    private const int BatchSize = 250;
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

        var failures = 0;
        while (activation.Status == ActivationStatus.Running)
        {
            var version = activation.Version;
            var batch = await db.Leads.AsNoTracking()
                .Open()
                .Where(l => l.AgreementVersion < version)
                .OrderBy(l => l.Id)
                .Select(l => l.Id)
                .Take(BatchSize)
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                activation.Status = ActivationStatus.Completed;
                activation.CompletedAt = clock.GetUtcNow().UtcDateTime;
                activation.Processed = Math.Max(activation.Processed, activation.Total);
                await db.SaveChangesAsync(ct);
                break;
            }

            try
            {
                await db.InTransactionAsync(async () =>
                {
                    var advanced = await mediator.Send(new AdvanceLeadCommand(batch), ct);
                    activation.Processed += batch.Count;
                    activation.Moved += advanced.Select(m => m.LeadId).Distinct().Count();
                    await db.SaveChangesAsync(ct);
                    return advanced.Count;
                }, ct);
                failures = 0;
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
