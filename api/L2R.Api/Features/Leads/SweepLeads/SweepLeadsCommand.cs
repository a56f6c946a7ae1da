using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Live;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Leads.SweepLeads;

/// <summary>
/// Re-checks the current tenant's open leads for what time alone changes: engagement decay and time-based automatic
/// moves. Every lead's stored score is refreshed at least daily, so a card's "as of" stays within a day.
/// </summary>
public sealed record SweepLeadsCommand : ICommand<SweepResult>;

/// <summary><paramref name="Skipped"/>: leads a person's concurrent write had just re-scored, left to that write.</summary>
public sealed record SweepResult(int LeadsChecked, int Moves, int Skipped);

public sealed class SweepLeadsHandler(L2RDbContext db, LeadMoves moves, LiveBoardChanges live) : ICommandHandler<SweepLeadsCommand, SweepResult>
{
    private const int BatchSize = 500;
    private static readonly TimeSpan RefreshStoredScoreAfter = TimeSpan.FromHours(12);

    public async ValueTask<SweepResult> Handle(SweepLeadsCommand command, CancellationToken ct)
    {
        live.ActAs(SystemActors.Sweep);
        var open = await db.Leads.AsNoTracking()
            .Open()
            .Select(l => l.Id)
            .ToListAsync(ct);

        // Batches in short transactions, so writers are never blocked for long.
        var outcome = BatchOutcome.None;
        foreach (var batch in open.Chunk(BatchSize))
        {
            outcome += await moves.AdvanceBatchAsync(batch, RefreshStoredScoreAfter, ct);
        }

        return new SweepResult(open.Count, outcome.Moves, outcome.Skipped);
    }
}
