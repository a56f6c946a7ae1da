using L2R.Api.Features.Intel;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using Mediator;

namespace L2R.Api.Features.Leads.RecordActivity;

/// <summary>
/// Adds a step to the lead's journey (a person's touch meets the SLA clocks waiting for it) with what the rep heard on
/// it, then re-scores and auto-advances it in the same transaction.
/// </summary>
public sealed class RecordActivityHandler(L2RDbContext db, ICurrentUser user, LeadMoves moves, IntelWriter intel)
    : ICommandHandler<RecordActivityCommand, RecordActivityResultDto>
{
    public async ValueTask<RecordActivityResultDto> Handle(RecordActivityCommand command, CancellationToken ct) =>
        await db.InTransactionAsync(async () =>
        {
            var lead = await db.FindLeadAsync(command.LeadId, ct);
            var activity = command.Activity.ToActivity(lead, user.UserId, moves.Now);
            await intel.AddAsync(lead, command.Activity.Intel, new IntelSource(activity.Id, activity.Type, null, null, activity.RecordedAt), ct);
            var history = await moves.RecordActivityAsync(lead, activity, ct);
            await db.SaveChangesAsync(ct);
            var result = await db.ToMovesDtoAsync(lead, history, ct);
            return new RecordActivityResultDto(ActivityDto.From(activity), result.Lead, result.Transitions);
        }, ct);
}
