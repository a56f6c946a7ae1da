using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using Mediator;

namespace L2R.Api.Features.Agreements.CreateDraft;

/// <summary>One open draft per tenant: <see cref="DraftReads.StartDraftAsync"/> checks it.</summary>
public sealed class CreateDraftHandler(L2RDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CreateDraftCommand, AgreementDraftDto>
{
    public async ValueTask<AgreementDraftDto> Handle(CreateDraftCommand command, CancellationToken ct) =>
        await db.InTransactionAsync(async () =>
        {
            var draft = await db.StartDraftAsync(command.FromVersion, user.UserId, clock.GetUtcNow().UtcDateTime, ct);
            await db.SaveChangesAsync(ct);
            return await db.ToDraftDtoAsync(draft, ct);
        }, ct);
}
