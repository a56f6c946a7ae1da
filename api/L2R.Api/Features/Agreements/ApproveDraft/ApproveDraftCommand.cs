using L2R.Domain.Leads;
using Mediator;

namespace L2R.Api.Features.Agreements.ApproveDraft;

/// <summary>The role may be left out by someone holding only one of Marketing and Sales.</summary>
public sealed record ApproveDraftRequest(Role? Role, int? Revision);

public sealed record ApproveDraftCommand(Guid DraftId, Role? Role, int? Revision) : ICommand<AgreementDraftDto>;
