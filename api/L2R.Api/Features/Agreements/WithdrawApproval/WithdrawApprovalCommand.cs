using Mediator;

namespace L2R.Api.Features.Agreements.WithdrawApproval;

public sealed record WithdrawApprovalCommand(Guid DraftId) : ICommand<AgreementDraftDto>;
