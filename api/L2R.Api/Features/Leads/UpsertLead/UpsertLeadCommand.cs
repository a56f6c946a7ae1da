using L2R.Api.Features.Leads.UpdateLead;
using Mediator;

namespace L2R.Api.Features.Leads.UpsertLead;

/// <summary>Create or edit the tenant's lead with <c>Lead.Email</c>: fields left out are kept, not cleared.</summary>
public sealed record UpsertLeadCommand(UpdateLeadRequest Lead) : ICommand<UpsertLeadResultDto>;

/// <summary>The lead, whether this call created it, and every move it made.</summary>
public sealed record UpsertLeadResultDto(bool Created, LeadDto Lead, IReadOnlyList<HistoryEntryDto> Transitions);
