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

/// <summary>
/// The mover's batch form over every open lead below the new version: each batch re-reads its leads in its own
/// transaction (a lead edited meanwhile is judged on its current data), and a lead at the new version is never taken
/// again, so a resumed run never moves a lead twice.
/// </summary>
public sealed class RunActivationHandler(L2RDbContext db, LeadMoves moves, TimeProvider clock) : ICommandHandler<RunActivationCommand>
{
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

        // SQLite has one writer: small batches keep its lock short; a server database takes larger ones.
        var batchSize = db.Database.IsSqlite() ? 1000 : 5000;
        var failures = 0;
        while (activation.Status == ActivationStatus.Running)
        {
            var version = activation.Version;
            try
            {
                var done = await db.InTransactionAsync(async () =>
                {
                    var leads = await db.Leads
                        .Open()
                        .Where(l => l.AgreementVersion < version)
                        .OrderBy(l => l.Id)
                        .Take(batchSize)
                        .ToListAsync(ct);
                    if (leads.Count == 0)
                    {
                        activation.Status = ActivationStatus.Completed;
                        activation.CompletedAt = clock.GetUtcNow().UtcDateTime;
                        activation.Processed = Math.Max(activation.Processed, activation.Total);
                    }
                    else
                    {
                        var history = await moves.AdvanceManyAsync(leads, TimeSpan.Zero, ct);
                        activation.Processed += leads.Count;
                        activation.Moved += history.Select(m => m.LeadId).Distinct().Count();
                    }

                    await db.SaveChangesAsync(ct);
                    return leads.Count == 0;
                }, ct);
                failures = 0;
                if (done)
                {
                    break;
                }
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
