using L2R.Api.Features.Intel;
using L2R.Domain.Leads;
using Mediator;

namespace L2R.Api.Features.Leads.FireTrigger;

/// <summary>A person's move of a lead, whatever the path (board, REST); the system's moves are the mover's own.</summary>
public sealed record FireTriggerCommand(
    Guid LeadId,
    LeadTrigger Trigger,
    string? ReasonCode = null,
    string? Note = null,
    int? ExpectedVersion = null,
    IntelRequest? Intel = null) : ICommand<LeadMovesDto>;

/// <param name="Intel">What the rep heard, with a move that carries a reason (Reject, Recycle, Lose, Disqualify).</param>
public sealed record FireTriggerRequest(LeadTrigger Trigger, string? ReasonCode, string? Note, IntelRequest? Intel = null);
