using L2R.Domain.Leads;
using Mediator;

namespace L2R.Api.Features.Leads.FireTrigger;

/// <summary>A person's move of a lead, whatever the path (board, REST); the system's moves are the mover's own.</summary>
public sealed record FireTriggerCommand(
    Guid LeadId,
    LeadTrigger Trigger,
    string? ReasonCode = null,
    string? Note = null,
    int? ExpectedVersion = null) : ICommand<LeadMovesDto>;

public sealed record FireTriggerRequest(LeadTrigger Trigger, string? ReasonCode, string? Note);
