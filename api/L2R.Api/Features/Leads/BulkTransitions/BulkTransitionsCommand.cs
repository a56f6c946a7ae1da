using FluentValidation;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Leads;
using Mediator;

namespace L2R.Api.Features.Leads.BulkTransitions;

/// <summary>One trigger, with one reason, fired for many leads: each through the agreement's guard, each with its own result.</summary>
public sealed record BulkTransitionsCommand(IReadOnlyList<Guid> LeadIds, LeadTrigger Trigger, string? ReasonCode, string? Note) : ICommand<BulkResultDto>;

public sealed class BulkTransitionsValidator : AbstractValidator<BulkTransitionsCommand>
{
    public BulkTransitionsValidator()
    {
        RuleFor(c => c.LeadIds).ValidLeadIds();
        RuleFor(c => c.Trigger).IsInEnum();
        RuleFor(c => c.ReasonCode).MaximumLength(60);
        RuleFor(c => c.Note).MaximumLength(2000);
    }
}

/// <summary>
/// The mover's batch form: the leads in one query, their activities in one, each lead checked in the single path's
/// order (role, defined move, reason, guard) and moved or refused on its own; the moves are saved together.
/// </summary>
public sealed class BulkTransitionsHandler(L2RDbContext db, LeadMoves moves, ICurrentUser user) : ICommandHandler<BulkTransitionsCommand, BulkResultDto>
{
    public async ValueTask<BulkResultDto> Handle(BulkTransitionsCommand command, CancellationToken ct) =>
        await db.InTransactionAsync(async () =>
        {
            var leads = await BulkLeads.LoadAsync(db, command.LeadIds, ct);
            var outcomes = await moves.FireManyAsync(leads.Values.ToList(), user.Actor, new MoveRequest(command.Trigger, command.ReasonCode, command.Note), ct);
            await db.SaveChangesAsync(ct);
            var byLead = outcomes.ToDictionary(o => o.Lead.Id);
            return BulkLeads.Results(command.LeadIds, id => byLead.TryGetValue(id, out var outcome)
                ? outcome.Refusal is { } refusal
                    ? new BulkLeadResultDto(id, BulkOutcome.Refused, outcome.Lead.State, outcome.Lead.Version, BulkLeads.Problem(LeadMoves.ToException(refusal, outcome.Lead)))
                    : BulkLeads.Done(outcome.Lead, BulkOutcome.Moved)
                : BulkLeads.NotFound(id));
        }, ct);
}
