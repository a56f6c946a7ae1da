using L2R.Domain.Leads;
using Mediator;

namespace L2R.Api.Features.Leads.FireTrigger;

/// <summary>
/// The one way a lead changes stage, whatever the path (board, REST, import, auto-advance).
/// <paramref name="BySystem"/> marks an automatic advance: it may fire only the agreement's auto-advance triggers.
/// </summary>
public sealed record FireTriggerCommand(
    Guid LeadId,
    LeadTrigger Trigger,
    string? ReasonCode = null,
    string? Note = null,
    int? ExpectedVersion = null,
    bool BySystem = false) : ICommand<LeadMovesDto>;

public sealed record FireTriggerRequest(LeadTrigger Trigger, string? ReasonCode, string? Note);
