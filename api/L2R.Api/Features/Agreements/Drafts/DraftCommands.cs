using FluentValidation;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Agreements;
using L2R.Domain.Leads;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Agreements.Drafts;

public sealed record CreateDraftRequest(int? FromVersion);

/// <summary>Opens the tenant's one draft, copied from the active version or any earlier one (a rollback is a new version).</summary>
public sealed record CreateDraftCommand(int? FromVersion) : ICommand<AgreementDraftDto>;

public sealed record UpdateDraftRequest(LeadAgreement Agreement, int? Revision);

/// <summary>Replaces a draft's content. Any edit clears its approvals: people approve exact content.</summary>
public sealed record UpdateDraftCommand(Guid DraftId, LeadAgreement Agreement, int? Revision) : ICommand<AgreementDraftDto>;

public sealed record DiscardDraftCommand(Guid DraftId) : ICommand;

public sealed record ApproveDraftRequest(Role Role, int? Revision);

public sealed record ApproveDraftCommand(Guid DraftId, Role Role, int? Revision) : ICommand<AgreementDraftDto>;

public sealed record WithdrawApprovalCommand(Guid DraftId) : ICommand<AgreementDraftDto>;

public sealed class UpdateDraftValidator : AbstractValidator<UpdateDraftCommand>
{
    public UpdateDraftValidator() => RuleFor(c => c.Agreement).NotNull();
}

public sealed class ApproveDraftValidator : AbstractValidator<ApproveDraftCommand>
{
    public ApproveDraftValidator() =>
        RuleFor(c => c.Role).Must(r => r is Role.Marketing or Role.Sales).WithMessage("Approve as Marketing or as Sales.");
}

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
            var now = clock.GetUtcNow().UtcDateTime;
            var draft = new AgreementVersion
            {
                Version = next,
                Status = AgreementStatus.Draft,
                Content = source.Content,
                BasedOnVersion = source.Version,
                CreatedAt = now,
                CreatedBy = user.UserId,
                UpdatedAt = now,
                UpdatedBy = user.UserId,
            };
            db.AgreementVersions.Add(draft);
            db.Audit(draft, AgreementAuditAction.Drafted, user.UserId, now, $"Draft {next} started from version {source.Version}.");
            await db.SaveChangesAsync(ct);
            return await db.ToDraftDtoAsync(draft, ct);
        }, ct);
}

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

public sealed class DiscardDraftHandler(L2RDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<DiscardDraftCommand>
{
    public async ValueTask<Unit> Handle(DiscardDraftCommand command, CancellationToken ct) =>
        await db.InTransactionAsync(async () =>
        {
            var draft = await db.FindDraftAsync(command.DraftId, ct);
            db.Audit(draft, AgreementAuditAction.Discarded, user.UserId, clock.GetUtcNow().UtcDateTime);
            db.AgreementVersions.Remove(draft);
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }, ct);
}

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

public sealed class WithdrawApprovalHandler(L2RDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<WithdrawApprovalCommand, AgreementDraftDto>
{
    public async ValueTask<AgreementDraftDto> Handle(WithdrawApprovalCommand command, CancellationToken ct) =>
        await db.InTransactionAsync(async () =>
        {
            var draft = await db.FindDraftAsync(command.DraftId, ct);
            var userId = user.RequiredUserId;
            var withdrawn = await db.AgreementApprovals.Where(a => a.AgreementVersionId == draft.Id && a.UserId == userId).ExecuteDeleteAsync(ct);
            if (withdrawn > 0)
            {
                db.Audit(draft, AgreementAuditAction.Withdrew, userId, clock.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(ct);
            }

            return await db.ToDraftDtoAsync(draft, ct);
        }, ct);
}
