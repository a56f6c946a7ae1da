using Mediator;

namespace L2R.Api.Features.Leads.AdvanceLead;

/// <summary>
/// Re-scores leads under the active agreement and fires, as the system, every auto-advance move whose criteria now
/// hold, to a fixpoint. Takes a batch so activation and the sweep load leads and activities in two queries.
/// </summary>
public sealed record AdvanceLeadCommand(IReadOnlyList<Guid> LeadIds) : ICommand<IReadOnlyList<HistoryEntryDto>>
{
    public AdvanceLeadCommand(Guid leadId)
        : this([leadId])
    {
    }
}
