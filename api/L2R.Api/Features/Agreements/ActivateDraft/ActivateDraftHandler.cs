using L2R.Api.Features.Leads;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Scheduling;
using L2R.Domain.Agreements;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Agreements.ActivateDraft;

public sealed class ActivateDraftHandler(L2RDbContext db, ICurrentUser user, TimeProvider clock, ActivationScheduler scheduler)
    : ICommandHandler<ActivateDraftCommand, AgreementActivationDto>
{
    public async ValueTask<AgreementActivationDto> Handle(ActivateDraftCommand command, CancellationToken ct)
    {
        var activation = await db.InTransactionAsync(async () =>
        {
            var draft = await db.FindDraftAsync(command.DraftId, ct);
            var active = await db.AgreementVersions.SingleAsync(v => v.Status == AgreementStatus.Active, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            draft.Activate(active, user.UserId, now);
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
            await db.SaveChangesAsync(ct);
            return run;
        }, ct);

        await scheduler.ScheduleAsync(activation.TenantId, activation.Id, ct);
        return AgreementActivationDto.From(activation);
    }
}
