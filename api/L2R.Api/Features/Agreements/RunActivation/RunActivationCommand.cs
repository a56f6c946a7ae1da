using Mediator;

namespace L2R.Api.Features.Agreements.RunActivation;

/// <summary>Re-scores and auto-advances, in batches, every open lead still below the activation's version; safe to run again after a restart.</summary>
public sealed record RunActivationCommand(Guid ActivationId) : ICommand;
