using System.Text.Json.Serialization;
using Mediator;

namespace L2R.Api.Features.Leads.UpdateLead;

/// <summary>Sales' part of the lead: the owner (<see cref="Guid.Empty"/> unassigns), the BANT checklist and the opportunity.</summary>
public sealed record UpdateLeadRequest : LeadProfile
{
    public Guid? OwnerId { get; init; }
    public bool? Budget { get; init; }
    public bool? Authority { get; init; }
    public bool? Need { get; init; }
    public bool? Timeline { get; init; }
    public decimal? Amount { get; init; }
    public DateTime? ExpectedCloseDate { get; init; }

    [JsonIgnore]
    public bool TouchesSalesFields =>
        OwnerId is not null || Budget is not null || Authority is not null || Need is not null || Timeline is not null
        || Amount is not null || ExpectedCloseDate is not null;
}

public sealed record UpdateLeadCommand(Guid LeadId, int? ExpectedVersion, UpdateLeadRequest Changes) : ICommand<LeadMovesDto>;
