using FluentValidation;
using L2R.Api.Features.Agreements;
using L2R.Api.Features.Leads;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Agreements;
using L2R.Domain.Leads;
using L2R.Domain.Reviews;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Reviews.RecordDecision;

public sealed record RecordDecisionCommand(Guid ReviewId, string? Text, AgreementAmendment? Change) : ICommand<ReviewDecisionDto>;

public sealed class RecordDecisionValidator : AbstractValidator<RecordDecisionCommand>
{
    public RecordDecisionValidator()
    {
        RuleFor(c => c.Text).NotEmpty().When(c => c.Change is null).WithMessage("Say what was decided, or name a change to the agreement.");
        RuleFor(c => c.Text).MaximumLength(ReviewDecision.MaxTextLength);
    }
}

/// <summary>
/// Records a decision, numbered within the review. A decision of a named kind is applied as an edit of the agreement
/// draft: a new draft from the active version when none is open, else the open one, whose approvals the edit clears;
/// its audit entry names the review and the decision, and the decision keeps the draft's version. Order of refusals:
/// 404 (review) → 403 (only Admins change the agreement, as they edit drafts) → 400 (input, or a change the agreement
/// cannot take, or one that leaves it invalid) → 409 (a draft started at the same moment); nothing is written on any.
/// </summary>
public sealed class RecordDecisionHandler(L2RDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<RecordDecisionCommand, ReviewDecisionDto>
{
    public async ValueTask<ReviewDecisionDto> Handle(RecordDecisionCommand command, CancellationToken ct) =>
        await db.InTransactionAsync(async () =>
        {
            var review = await db.FindReviewAsync(command.ReviewId, ct);
            if (command.Change is not null && !user.Roles.HasFlag(Roles.Admin))
            {
                throw new ForbiddenException("Only an Admin records a decision that changes the agreement, as only Admins edit drafts.");
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var number = (await db.ReviewDecisions.Where(d => d.ReviewId == review.Id).MaxAsync(d => (int?)d.Number, ct) ?? 0) + 1;
            var decision = new ReviewDecision
            {
                ReviewId = review.Id,
                Number = number,
                Text = command.Text?.Trim() is { Length: > 0 } text ? text : command.Change!.Describe(),
                Change = command.Change,
                RecordedBy = user.RequiredUserId,
                RecordedAt = now,
            };
            if (command.Change is { } change)
            {
                var draft = await db.AgreementVersions.Include(v => v.Approvals).FirstOrDefaultAsync(v => v.Status == AgreementStatus.Draft, ct)
                    ?? await db.StartDraftAsync(null, user.UserId, now, ct);
                draft.Edit(Apply(change, draft.Agreement), null, user.UserId, now, $"From the review of {review.LocalDate:yyyy-MM-dd}, decision {number}.");
                decision.DraftVersion = draft.Version;
            }

            db.ReviewDecisions.Add(decision);
            await db.SaveChangesAsync(ct);
            var names = await db.UserNamesAsync([decision.RecordedBy], ct);
            return ReviewReads.DecisionDto(decision, names, await db.OpenDraftsAsync(ct));
        }, ct);

    private static LeadAgreement Apply(AgreementAmendment change, LeadAgreement agreement)
    {
        try
        {
            return change.ApplyTo(agreement);
        }
        catch (AmendmentException refused)
        {
            throw RequestValidationException.For($"change.{refused.Field}", refused.Message);
        }
    }
}
