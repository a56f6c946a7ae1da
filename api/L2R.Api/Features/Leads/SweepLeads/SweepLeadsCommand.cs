using L2R.Api.Features.Leads.AdvanceLead;
using L2R.Api.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Leads.SweepLeads;

/// <summary>Re-checks the current tenant's open leads for what time alone changes: engagement decay and time-based auto-advance criteria.</summary>
public sealed record SweepLeadsCommand : ICommand<SweepResult>;

public sealed record SweepResult(int LeadsChecked, int Moves);

public sealed class SweepLeadsHandler(L2RDbContext db, IMediator mediator) : ICommandHandler<SweepLeadsCommand, SweepResult>
{
    private const int BatchSize = 200;

    public async ValueTask<SweepResult> Handle(SweepLeadsCommand command, CancellationToken ct)
    {
        var open = await db.Leads.AsNoTracking()
            .Open()
            .Select(l => l.Id)
            .ToListAsync(ct);

        // Batches in short transactions, so writers are never blocked for long.
        var moves = 0;
        foreach (var batch in open.Chunk(BatchSize))
        {
            try
            {
                moves += (await mediator.Send(new AdvanceLeadCommand(batch), ct)).Count;
            }
            catch (DbUpdateConcurrencyException)
            {
                // A user changed a lead meanwhile; their command already re-scored and advanced it, and the next sweep retries the rest.
            }

            db.ChangeTracker.Clear();
        }

        return new SweepResult(open.Count, moves);
    }
}
