using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using Mediator;

namespace L2R.Api.Features.Agreements.DiscardDraft;

public sealed class DiscardDraftHandler(L2RDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<DiscardDraftCommand>
{
    public async ValueTask<Unit> Handle(DiscardDraftCommand command, CancellationToken ct) =>
        await db.InTransactionAsync(async () =>
        {
            var draft = await db.FindDraftAsync(command.DraftId, ct);
            draft.Discard(user.UserId, clock.GetUtcNow().UtcDateTime);
            db.AgreementVersions.Remove(draft);
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }, ct);
}
