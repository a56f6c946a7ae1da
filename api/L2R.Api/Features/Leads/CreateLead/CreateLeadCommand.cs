using Mediator;

namespace L2R.Api.Features.Leads.CreateLead;

public sealed record CreateLeadCommand : LeadProfile, ICommand<LeadMovesDto>;
