using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using Mediator;

namespace L2R.Api.Features.Agreements.WithdrawApproval;

public sealed class WithdrawApprovalHandler(L2RDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<WithdrawApprovalCommand, AgreementDraftDto>
{
    public async ValueTask<AgreementDraftDto> Handle(WithdrawApprovalCommand command, CancellationToken ct) =>
        await db.ChangeDraftAsync(command.DraftId, draft => draft.WithdrawApprovals(user.RequiredUserId, clock.GetUtcNow().UtcDateTime), ct);
}
