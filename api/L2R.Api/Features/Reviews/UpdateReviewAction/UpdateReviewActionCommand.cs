using FluentValidation;
using L2R.Api.Features.Reviews.AddReviewAction;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Reviews.UpdateReviewAction;

/// <summary>Changes an action's title, owner, due date or status; a stale <c>version</c> is a 412.</summary>
public sealed record UpdateReviewActionCommand(Guid ReviewId, Guid ActionId, ReviewActionRequest Action) : ICommand<ReviewActionDto>;

public sealed class UpdateReviewActionValidator : AbstractValidator<UpdateReviewActionCommand>
{
    public UpdateReviewActionValidator() => RuleFor(c => c.Action).NotNull().SetValidator(new ReviewActionRequestValidator());
}

public sealed class UpdateReviewActionHandler(L2RDbContext db, TimeProvider clock) : ICommandHandler<UpdateReviewActionCommand, ReviewActionDto>
{
    public async ValueTask<ReviewActionDto> Handle(UpdateReviewActionCommand command, CancellationToken ct)
    {
        var action = await db.ReviewActions.FirstOrDefaultAsync(a => a.Id == command.ActionId && a.ReviewId == command.ReviewId, ct)
            ?? throw new NotFoundException("Review action", command.ActionId);
        if (command.Action.Version is { } seen && seen != action.Version)
        {
            throw new PreconditionFailedException($"The action is at version {action.Version}, not {seen}; someone else changed it.");
        }

        await db.EnsureOwnerAsync(command.Action.OwnerId, ct);
        action.Title = command.Action.Title.Trim();
        action.OwnerId = command.Action.OwnerId;
        action.DueDate = command.Action.DueDate;
        action.Status = command.Action.Status ?? action.Status;
        action.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return await db.ToDtoAsync(action, ct);
    }
}
