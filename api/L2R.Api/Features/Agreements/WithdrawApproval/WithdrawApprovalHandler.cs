using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using Mediator;

namespace L2R.Api.Features.Agreements.WithdrawApproval;

public sealed class WithdrawApprovalHandler(L2RDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<WithdrawApprovalCommand, AgreementDraftDto>
{
    public async ValueTask<AgreementDraftDto> Handle(WithdrawApprovalCommand command, CancellationToken ct) =>
        await db.InTransactionAsync(async () =>
        {
            var draft = await db.FindDraftAsync(command.DraftId, ct);
            draft.WithdrawApprovals(user.RequiredUserId, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            return await db.ToDraftDtoAsync(draft, ct);
        }, ct);
}
