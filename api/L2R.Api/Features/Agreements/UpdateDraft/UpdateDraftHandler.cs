using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using Mediator;

namespace L2R.Api.Features.Agreements.UpdateDraft;

public sealed class UpdateDraftHandler(L2RDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<UpdateDraftCommand, AgreementDraftDto>
{
    public async ValueTask<AgreementDraftDto> Handle(UpdateDraftCommand command, CancellationToken ct) =>
        await db.ChangeDraftAsync(command.DraftId, draft => draft.Edit(command.Agreement, command.Revision, user.UserId, clock.GetUtcNow().UtcDateTime), ct);
}
