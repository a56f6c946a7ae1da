using Mediator;

namespace L2R.Api.Features.Leads.AdvanceLead;

/// <summary>Re-scores a lead and fires, as the system, every auto-advance move whose criteria now hold, to a fixpoint.</summary>
public sealed record AdvanceLeadCommand(Guid LeadId) : ICommand<IReadOnlyList<HistoryEntryDto>>;
