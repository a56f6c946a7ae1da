using System.ComponentModel;
using L2R.Api.Features.Metrics;
using L2R.Domain.Leads;

namespace L2R.Api.Features.Agreements.SimulateDraft;

public sealed record SimulationLeadDto(Guid Id, string Name, string? Company, LeadState State, string? Source, string? Campaign);

public sealed record SimulationGroupDto(string Key, int NewlyPass, int NoLongerPass);

/// <summary>
/// One transition under the draft: leads whose guard newly holds (for auto-advance transitions, the ones activation
/// will move) and leads whose guard would stop holding (they stay where they are), by source and by campaign.
/// </summary>
public sealed record TransitionImpactDto(
    LeadTrigger Trigger,
    LeadState To,
    bool AutoAdvance,
    int NewlyPass,
    int NoLongerPass,
    int WillMove,
    IReadOnlyList<SimulationGroupDto> BySource,
    IReadOnlyList<SimulationGroupDto> ByCampaign,
    IReadOnlyList<SimulationLeadDto> NewlyPassSample,
    IReadOnlyList<SimulationLeadDto> NoLongerPassSample);

public sealed record SimulationDto(
    Guid DraftId,
    int DraftVersion,
    int ActiveVersion,
    int OpenLeads,
    int LeadsThatWillMove,
    int MqlNow,
    int MqlAfter,
    IReadOnlyList<TransitionImpactDto> Transitions,
    IReadOnlyList<SimulationLeadDto> WillMoveSample,
    [property: Description("The draft's drift alarms read against the MQL decisions of their window under the active version: whether the banner would show if the draft were live today.")]
    IReadOnlyList<DriftReadingDto> Drift,
    [property: Description("Where the draft's routing rules send the leads that would be in its routing stage after activation, by rule (first match wins); the rule id \"\" counts those no rule matches. Empty when the draft does not route.")]
    IReadOnlyList<RoutingShareDto> Routing,
    double ElapsedMilliseconds);

/// <summary>How many leads one routing rule of a draft would take.</summary>
public sealed record RoutingShareDto(string RuleId, string Name, Guid? TeamId, int Leads);
