using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Agreements;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Agreements.UpdateDraft;

public sealed class UpdateDraftHandler(L2RDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<UpdateDraftCommand, AgreementDraftDto>
{
    public async ValueTask<AgreementDraftDto> Handle(UpdateDraftCommand command, CancellationToken ct) =>
        await db.InTransactionAsync(async () =>
        {
            var draft = await db.FindDraftAsync(command.DraftId, ct);
            if (command.Revision is { } revision && revision != draft.Revision)
            {
                throw new PreconditionFailedException($"The draft is at revision {draft.Revision}, not {revision}; someone else edited it. Reload to see their change.");
            }

            var issues = AgreementValidator.Validate(command.Agreement);
            if (issues.Count > 0)
            {
                throw new RequestValidationException(issues
                    .GroupBy(i => "agreement." + i.Path)
                    .ToDictionary(g => g.Key, g => g.Select(i => i.Message).ToArray()));
            }

            var content = AgreementJson.Serialize(command.Agreement);
            if (content == draft.Content)
            {
                return await db.ToDraftDtoAsync(draft, ct);
            }

            var before = AgreementJson.Deserialize(draft.Content);
            var now = clock.GetUtcNow().UtcDateTime;
            draft.Content = content;
            draft.UpdatedAt = now;
            draft.UpdatedBy = user.UserId;
            db.Audit(draft, AgreementAuditAction.Edited, user.UserId, now, string.Join("\n", AgreementDiff.Compare(before, command.Agreement).Select(c => c.Description)));
            var cleared = await db.AgreementApprovals.Where(a => a.AgreementVersionId == draft.Id).ExecuteDeleteAsync(ct);
            if (cleared > 0)
            {
                db.Audit(draft, AgreementAuditAction.ApprovalsCleared, user.UserId, now, $"{cleared} approval(s) cleared by the edit.");
            }

            await db.SaveChangesAsync(ct);
            return await db.ToDraftDtoAsync(draft, ct);
        }, ct);
}
