using L2R.Api.Features.Agreements;
using L2R.Api.Features.Leads.AdvanceLead;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Leads;
using Mediator;

namespace L2R.Api.Features.Leads.FireTrigger;

/// <summary>
/// Checks, in the order that tells a caller least about what it may not see: the lead exists in this tenant (404),
/// the actor's role may fire the trigger (403), the trigger exists from the current state (409), the caller's copy is
/// current (412), a required reason is one of the agreement's (400), and the agreement's guard holds (422).
/// Then moves the lead, records the move with every criterion's evaluation, and lets auto-advance continue.
/// </summary>
public sealed class FireTriggerHandler(L2RDbContext db, AgreementStore agreements, ICurrentUser user, TimeProvider clock, IMediator mediator)
    : ICommandHandler<FireTriggerCommand, LeadMovesDto>
{
    public async ValueTask<LeadMovesDto> Handle(FireTriggerCommand command, CancellationToken ct) =>
        await db.InTransactionAsync(async () =>
        {
            var lead = await db.FindLeadAsync(command.LeadId, ct);
            var transition = await FireAsync(lead, command, ct);

            // A person's move may land where the system can carry the lead on (Reengage, then Qualify); elsewhere the
            // lead's score has not changed, so there is nothing to re-check.
            var mayAdvance = !command.BySystem && LeadWorkflow.HasAutoAdvanceFrom(lead.State, (await agreements.GetActiveAsync(ct)).Agreement);
            IReadOnlyList<HistoryEntryDto> advanced = mayAdvance ? await mediator.Send(new AdvanceLeadCommand(lead.Id), ct) : [];
            var result = await db.ToMovesDtoAsync(lead, [transition], ct);
            return result with { Transitions = [.. result.Transitions, .. advanced] };
        }, ct);

    private async Task<LeadTransition> FireAsync(Lead lead, FireTriggerCommand command, CancellationToken ct)
    {
        var actor = command.BySystem ? Actor.System : user.Actor;
        var active = await agreements.GetActiveAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var workflow = new LeadWorkflow(active.Agreement, await db.FactsAsync(lead, now, ct), actor);

        if (!workflow.MayFire(command.Trigger))
        {
            throw new ForbiddenException(actor.IsSystem
                ? $"{command.Trigger} is not an automatic move in this agreement."
                : $"Your role may not {command.Trigger} leads under agreement version {active.Version}.");
        }

        if (!LeadWorkflow.IsDefinedFrom(lead.State, command.Trigger))
        {
            throw new ConflictException($"{command.Trigger} is not a move from {lead.State}.", new Dictionary<string, object?> { ["state"] = lead.State.ToString() });
        }

        if (command.ExpectedVersion is { } expected && expected != lead.Version)
        {
            throw new PreconditionFailedException($"The lead is at version {lead.Version}, not {expected}; reload it and try again.");
        }

        var reason = RequiredReason(active, command);
        var evaluations = workflow.Evaluate(command.Trigger);
        if (!workflow.CanFire(command.Trigger, out _))
        {
            var unmet = evaluations.Where(e => !e.Passed).ToList();
            throw new GuardUnmetException(
                $"{command.Trigger} needs: {string.Join("; ", unmet.Select(e => $"{e.Description} ({e.Actual})"))}.",
                unmet);
        }

        var from = lead.State;
        workflow.Fire(command.Trigger, now);
        lead.UpdatedAt = now;
        var transition = new LeadTransition
        {
            LeadId = lead.Id,
            From = from,
            To = lead.State,
            Trigger = command.Trigger,
            ActorKind = actor.IsSystem ? ActorKind.System : ActorKind.User,
            ActorUserId = actor.UserId,
            OccurredAt = now,
            AgreementVersion = active.Version,
            ReasonCode = reason?.Code,
            ReasonLabel = reason?.Label,
            Note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim(),
            Criteria = evaluations.ToList(),
        };
        db.LeadTransitions.Add(transition);
        await db.SaveChangesAsync(ct);
        return transition;
    }

    private static Domain.Agreements.Reason? RequiredReason(ActiveAgreement active, FireTriggerCommand command)
    {
        var reasons = active.Agreement.ReasonsFor(command.Trigger);
        if (LeadWorkflow.ReasonListOf(command.Trigger) == Domain.Agreements.ReasonListKind.None)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(command.ReasonCode))
        {
            throw RequestValidationException.For("reasonCode", $"{command.Trigger} needs a reason: one of {string.Join(", ", reasons.Select(r => r.Code))}.");
        }

        return reasons.FirstOrDefault(r => string.Equals(r.Code, command.ReasonCode.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw RequestValidationException.For("reasonCode", $"\"{command.ReasonCode}\" is not a {command.Trigger} reason in agreement version {active.Version}; use one of {string.Join(", ", reasons.Select(r => r.Code))}.");
    }
}
