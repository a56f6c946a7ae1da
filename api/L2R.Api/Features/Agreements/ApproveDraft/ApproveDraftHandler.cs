using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using Mediator;

namespace L2R.Api.Features.Agreements.ApproveDraft;

public sealed class ApproveDraftHandler(L2RDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ApproveDraftCommand, AgreementDraftDto>
{
    public async ValueTask<AgreementDraftDto> Handle(ApproveDraftCommand command, CancellationToken ct) =>
        await db.ChangeDraftAsync(command.DraftId, draft => draft.Approve(user.RequiredUserId, user.Roles, command.Role, command.Revision, clock.GetUtcNow().UtcDateTime), ct);
}
