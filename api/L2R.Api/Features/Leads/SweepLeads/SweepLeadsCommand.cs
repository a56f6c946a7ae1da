using L2R.Api.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Leads.SweepLeads;

/// <summary>
/// Re-checks the current tenant's open leads for what time alone changes: engagement decay and time-based automatic
/// moves. Every lead's stored score is refreshed at least daily, so a card's "as of" stays within a day.
/// </summary>
public sealed record SweepLeadsCommand : ICommand<SweepResult>;

public sealed record SweepResult(int LeadsChecked, int Moves);

public sealed class SweepLeadsHandler(L2RDbContext db, LeadMoves moves) : ICommandHandler<SweepLeadsCommand, SweepResult>
{
    private const int BatchSize = 500;
    private static readonly TimeSpan RefreshStoredScoreAfter = TimeSpan.FromHours(12);

    public async ValueTask<SweepResult> Handle(SweepLeadsCommand command, CancellationToken ct)
    {
        var open = await db.Leads.AsNoTracking()
            .Open()
            .Select(l => l.Id)
            .ToListAsync(ct);

        // Batches in short transactions, so writers are never blocked for long.
        var moved = 0;
        foreach (var batch in open.Chunk(BatchSize))
        {
            try
            {
                moved += await db.InTransactionAsync(async () =>
                {
                    var leads = await db.Leads.Where(l => batch.Contains(l.Id)).Open().ToListAsync(ct);
                    var history = await moves.AdvanceManyAsync(leads, RefreshStoredScoreAfter, ct);
                    await db.SaveChangesAsync(ct);
                    return history.Count;
                }, ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // A user changed a lead meanwhile; their command already re-scored and advanced it, and the next sweep retries the rest.
            }

            db.ChangeTracker.Clear();
        }

        return new SweepResult(open.Count, moved);
    }
}
