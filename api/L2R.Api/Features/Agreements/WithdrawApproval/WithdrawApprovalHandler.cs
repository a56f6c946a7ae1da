using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Agreements.WithdrawApproval;

public sealed class WithdrawApprovalHandler(L2RDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<WithdrawApprovalCommand, AgreementDraftDto>
{
    public async ValueTask<AgreementDraftDto> Handle(WithdrawApprovalCommand command, CancellationToken ct) =>
        await db.InTransactionAsync(async () =>
        {
            var draft = await db.FindDraftAsync(command.DraftId, ct);
            var userId = user.RequiredUserId;
            var withdrawn = await db.AgreementApprovals.Where(a => a.AgreementVersionId == draft.Id && a.UserId == userId).ExecuteDeleteAsync(ct);
            if (withdrawn > 0)
            {
                db.Audit(draft, AgreementAuditAction.Withdrew, userId, clock.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(ct);
            }

            return await db.ToDraftDtoAsync(draft, ct);
        }, ct);
}
