using Mediator;

namespace L2R.Api.Features.Agreements.ActivateDraft;

/// <summary>Makes a signed-off draft the active version (the old one superseded) in one transaction, then queues the re-scoring job.</summary>
public sealed record ActivateDraftCommand(Guid DraftId) : ICommand<AgreementActivationDto>;
