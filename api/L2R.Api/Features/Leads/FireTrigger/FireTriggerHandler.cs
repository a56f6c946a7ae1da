using L2R.Api.Features.Intel;
using L2R.Api.Features.Metrics;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Leads;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Leads.FireTrigger;

/// <summary>
/// Checks, in the order that tells a caller least about what it may not see: the lead exists in this tenant (404),
/// then <see cref="LeadMover"/>'s checks: the actor's role may fire the trigger (403), the trigger exists from the
/// current state (409), the caller's copy is current (412), a required reason is one of the agreement's (400), and the
/// agreement's guard holds on the score as of now (422); then that the intel's tags are the tenant's and offered (400).
/// Then the move, the intel recorded with it and every automatic move after it are saved together.
/// An accept or reject, once saved, is followed by the drift check, so an alarm it crossed is recorded at once.
/// </summary>
public sealed class FireTriggerHandler(L2RDbContext db, LeadMoves moves, ICurrentUser user, DriftWatch drift, IntelWriter intel)
    : ICommandHandler<FireTriggerCommand, LeadMovesDto>
{
    public async ValueTask<LeadMovesDto> Handle(FireTriggerCommand command, CancellationToken ct)
    {
        // One connection for the move and the drift check after it, instead of a pooled connection (its reset and its
        // tenant setting, two round trips) for each of the check's queries.
        await db.Database.OpenConnectionAsync(ct);
        var result = await db.InTransactionAsync(async () =>
        {
            var lead = await db.FindLeadAsync(command.LeadId, ct);
            var request = new MoveRequest(command.Trigger, command.ReasonCode, command.Note, command.ExpectedVersion);
            var history = await moves.FireAsync(lead, user.Actor, request, ct);
            var move = history.First(t => t.Trigger == command.Trigger);
            await intel.AddAsync(lead, command.Intel, new IntelSource(null, null, move.Id, move.Trigger, move.OccurredAt), ct);
            await db.SaveChangesAsync(ct);
            return await db.ToMovesDtoAsync(lead, history, ct);
        }, ct);
        if (command.Trigger is LeadTrigger.Accept or LeadTrigger.Reject)
        {
            await drift.CheckAsync(ct);
        }

        return result;
    }
}
