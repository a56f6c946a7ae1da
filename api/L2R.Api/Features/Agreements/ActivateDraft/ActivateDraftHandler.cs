using L2R.Api.Features.Leads;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Hosting;
using L2R.Api.Infrastructure.Web;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Agreements.ActivateDraft;

public sealed class ActivateDraftHandler(L2RDbContext db, ICurrentUser user, TimeProvider clock, ActivationQueue queue)
    : ICommandHandler<ActivateDraftCommand, AgreementActivationDto>
{
    public async ValueTask<AgreementActivationDto> Handle(ActivateDraftCommand command, CancellationToken ct)
    {
        var activation = await db.InTransactionAsync(async () =>
        {
            var draft = await db.FindDraftAsync(command.DraftId, ct);
            var dto = await db.ToDraftDtoAsync(draft, ct);
            if (dto.Issues.Count > 0)
            {
                throw new ConflictException("The draft has problems to fix before it can be activated.");
            }

            if (dto.MissingApprovals.Count > 0)
            {
                throw new ConflictException(
                    $"The draft needs the approval of {string.Join(" and ", dto.MissingApprovals)} (a Marketing and a Sales approver, two different people) before it can be activated.",
                    new Dictionary<string, object?> { ["missingApprovals"] = dto.MissingApprovals.Select(r => r.ToString()).ToList() });
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var previous = await db.AgreementVersions.SingleAsync(v => v.Status == AgreementStatus.Active, ct);
            previous.Status = AgreementStatus.Superseded;
            draft.Status = AgreementStatus.Active;
            draft.ActivatedAt = now;
            draft.ActivatedBy = user.UserId;
            var run = new AgreementActivation
            {
                AgreementVersionId = draft.Id,
                Version = draft.Version,
                Status = ActivationStatus.Running,
                Total = await db.Leads.Open().CountAsync(ct),
                StartedAt = now,
                StartedBy = user.UserId,
            };
            db.AgreementActivations.Add(run);
            db.Audit(draft, AgreementAuditAction.Activated, user.UserId, now, $"Version {draft.Version} replaced version {previous.Version}.");
            await db.SaveChangesAsync(ct);
            return run;
        }, ct);

        queue.Enqueue(activation.TenantId, activation.Id);
        return AgreementActivationDto.From(activation);
    }
}
