using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Agreements;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Agreements.CreateDraft;

/// <summary>One open draft per tenant: checked here, and two drafts started at once collide on the unique version number.</summary>
public sealed class CreateDraftHandler(L2RDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CreateDraftCommand, AgreementDraftDto>
{
    public async ValueTask<AgreementDraftDto> Handle(CreateDraftCommand command, CancellationToken ct) =>
        await db.InTransactionAsync(async () =>
        {
            var open = await db.AgreementVersions.Where(v => v.Status == AgreementStatus.Draft).Select(v => (Guid?)v.Id).FirstOrDefaultAsync(ct);
            if (open is { } openId)
            {
                throw new ConflictException("The tenant already has an open draft; edit or discard it first.", new Dictionary<string, object?> { ["draftId"] = openId });
            }

            var source = command.FromVersion is { } from
                ? await db.AgreementVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Version == from && v.Status != AgreementStatus.Draft, ct)
                    ?? throw new NotFoundException("Agreement version", from)
                : await db.AgreementVersions.AsNoTracking().SingleAsync(v => v.Status == AgreementStatus.Active, ct);
            var next = await db.AgreementVersions.MaxAsync(v => v.Version, ct) + 1;
            var draft = source.StartDraft(next, user.UserId, clock.GetUtcNow().UtcDateTime);
            db.AgreementVersions.Add(draft);
            await db.SaveChangesAsync(ct);
            return await db.ToDraftDtoAsync(draft, ct);
        }, ct);
}
