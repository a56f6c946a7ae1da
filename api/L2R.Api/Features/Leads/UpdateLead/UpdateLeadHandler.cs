using L2R.Api.Infrastructure.Data;
using Mediator;

namespace L2R.Api.Features.Leads.UpdateLead;

/// <summary>Edits a lead, records every changed field, then re-scores and auto-advances it in the same transaction.</summary>
public sealed class UpdateLeadHandler(L2RDbContext db, LeadEdits edits) : ICommandHandler<UpdateLeadCommand, LeadMovesDto>
{
    public async ValueTask<LeadMovesDto> Handle(UpdateLeadCommand command, CancellationToken ct) =>
        await db.InTransactionAsync(async () =>
        {
            var lead = await db.FindLeadAsync(command.LeadId, ct);
            var changed = await edits.ApplyAsync(lead, command.Changes, command.ExpectedVersion, ct);
            var history = await edits.RecordAsync(lead, changed, ct);
            await db.SaveChangesAsync(ct);
            return await db.ToMovesDtoAsync(lead, history, ct);
        }, ct);
}
