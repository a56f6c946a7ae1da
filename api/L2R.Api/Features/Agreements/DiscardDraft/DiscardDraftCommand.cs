using Mediator;

namespace L2R.Api.Features.Agreements.DiscardDraft;

public sealed record DiscardDraftCommand(Guid DraftId) : ICommand;
