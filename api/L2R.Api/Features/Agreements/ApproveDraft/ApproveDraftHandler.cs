using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Agreements;
using L2R.Domain.Leads;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Agreements.ApproveDraft;

public sealed class ApproveDraftHandler(L2RDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ApproveDraftCommand, AgreementDraftDto>
{
    public async ValueTask<AgreementDraftDto> Handle(ApproveDraftCommand command, CancellationToken ct) =>
        await db.InTransactionAsync(async () =>
        {
            var draft = await db.FindDraftAsync(command.DraftId, ct);
            if (!user.Roles.HasFlag(RoleSet.ToFlag(command.Role)))
            {
                throw new ForbiddenException($"Only someone with the {command.Role} role may approve for {command.Role}.");
            }

            if (command.Revision is { } revision && revision != draft.Revision)
            {
                throw new PreconditionFailedException($"The draft changed (revision {draft.Revision}, you saw {revision}); review the change before approving.");
            }

            if (AgreementValidator.Validate(AgreementJson.Deserialize(draft.Content)).Count > 0)
            {
                throw new ConflictException("The draft has problems to fix before it can be approved.");
            }

            var userId = user.RequiredUserId;
            if (!await db.AgreementApprovals.AnyAsync(a => a.AgreementVersionId == draft.Id && a.UserId == userId && a.Role == command.Role, ct))
            {
                var now = clock.GetUtcNow().UtcDateTime;
                db.AgreementApprovals.Add(new AgreementApproval { AgreementVersionId = draft.Id, UserId = userId, Role = command.Role, Revision = draft.Revision, ApprovedAt = now });
                db.Audit(draft, AgreementAuditAction.Approved, userId, now, $"Approved revision {draft.Revision} for {command.Role}.");
                await db.SaveChangesAsync(ct);
            }

            return await db.ToDraftDtoAsync(draft, ct);
        }, ct);
}
