using L2R.Domain.Agreements;
using Mediator;

namespace L2R.Api.Features.Agreements.UpdateDraft;

public sealed record UpdateDraftRequest(LeadAgreement Agreement, int? Revision);

/// <summary>Replaces a draft's content. Any edit clears its approvals: people approve exact content.</summary>
public sealed record UpdateDraftCommand(Guid DraftId, LeadAgreement Agreement, int? Revision) : ICommand<AgreementDraftDto>;
