using L2R.Api.Features.Leads.AdvanceLead;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Features.Leads;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Hosting;
using L2R.Api.Infrastructure.Web;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Agreements.Drafts;

/// <summary>Makes a signed-off draft the active version (the old one superseded) in one transaction, then queues the re-scoring job.</summary>
public sealed record ActivateDraftCommand(Guid DraftId) : ICommand<AgreementActivationDto>;

public sealed record GetActivationQuery(Guid ActivationId) : IQuery<AgreementActivationDto>;

/// <summary>Re-scores and auto-advances, in batches, every open lead still below the activation's version; safe to run again after a restart.</summary>
public sealed record RunActivationCommand(Guid ActivationId) : ICommand;

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

public sealed class GetActivationHandler(L2RDbContext db) : IQueryHandler<GetActivationQuery, AgreementActivationDto>
{
    public async ValueTask<AgreementActivationDto> Handle(GetActivationQuery query, CancellationToken ct) =>
        AgreementActivationDto.From(await db.AgreementActivations.AsNoTracking().FirstOrDefaultAsync(a => a.Id == query.ActivationId, ct)
            ?? throw new NotFoundException("Activation", query.ActivationId));
}

public sealed class RunActivationHandler(L2RDbContext db, IMediator mediator, TimeProvider clock) : ICommandHandler<RunActivationCommand>
{
    /// <summary>Small enough that one batch's transaction holds SQLite's write lock only briefly.</summary>
    private const int BatchSize = 250;
    private const int MaxAttempts = 3;

    public async ValueTask<Unit> Handle(RunActivationCommand command, CancellationToken ct)
    {
        var activation = await db.AgreementActivations.FirstOrDefaultAsync(a => a.Id == command.ActivationId, ct)
            ?? throw new NotFoundException("Activation", command.ActivationId);
        if (activation.Status == ActivationStatus.Failed)
        {
            activation.Status = ActivationStatus.Running;
            activation.Error = null;
            await db.SaveChangesAsync(ct);
        }

        var failures = 0;
        while (activation.Status == ActivationStatus.Running)
        {
            var version = activation.Version;
            var batch = await db.Leads.AsNoTracking()
                .Open()
                .Where(l => l.AgreementVersion < version)
                .OrderBy(l => l.Id)
                .Select(l => l.Id)
                .Take(BatchSize)
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                activation.Status = ActivationStatus.Completed;
                activation.CompletedAt = clock.GetUtcNow().UtcDateTime;
                activation.Processed = Math.Max(activation.Processed, activation.Total);
                await db.SaveChangesAsync(ct);
                break;
            }

            try
            {
                await db.InTransactionAsync(async () =>
                {
                    var advanced = await mediator.Send(new AdvanceLeadCommand(batch), ct);
                    activation.Processed += batch.Count;
                    activation.Moved += advanced.Select(m => m.LeadId).Distinct().Count();
                    await db.SaveChangesAsync(ct);
                    return advanced.Count;
                }, ct);
                failures = 0;
            }
            catch (Exception ex) when (ex is DbUpdateException && ++failures < MaxAttempts)
            {
                // A user's write to one of these leads won; that command already re-scored it, so take the batch again.
            }

            db.ChangeTracker.Clear();
            activation = await db.AgreementActivations.SingleAsync(a => a.Id == command.ActivationId, ct);
        }

        return Unit.Value;
    }
}
