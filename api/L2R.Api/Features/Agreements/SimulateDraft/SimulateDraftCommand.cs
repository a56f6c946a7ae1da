using Mediator;

namespace L2R.Api.Features.Agreements.SimulateDraft;

/// <summary>Evaluates a draft against the tenant's open leads without changing anything.</summary>
public sealed record SimulateDraftCommand(Guid DraftId) : ICommand<SimulationDto>;
