using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using Mediator;

namespace L2R.Api.Features.Agreements.ApproveDraft;

public sealed class ApproveDraftHandler(L2RDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ApproveDraftCommand, AgreementDraftDto>
{
    public async ValueTask<AgreementDraftDto> Handle(ApproveDraftCommand command, CancellationToken ct) =>
        await db.InTransactionAsync(async () =>
        {
            var draft = await db.FindDraftAsync(command.DraftId, ct);
            draft.Approve(user.RequiredUserId, user.Roles, command.Role, command.Revision, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            return await db.ToDraftDtoAsync(draft, ct);
        }, ct);
}
