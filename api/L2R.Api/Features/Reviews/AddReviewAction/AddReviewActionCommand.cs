using FluentValidation;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Reviews.AddReviewAction;

public sealed record AddReviewActionCommand(Guid ReviewId, ReviewActionRequest Action) : ICommand<ReviewActionDto>;

public sealed class AddReviewActionValidator : AbstractValidator<AddReviewActionCommand>
{
    public AddReviewActionValidator() => RuleFor(c => c.Action).NotNull().SetValidator(new ReviewActionRequestValidator());
}

public sealed class AddReviewActionHandler(L2RDbContext db, TimeProvider clock) : ICommandHandler<AddReviewActionCommand, ReviewActionDto>
{
    public async ValueTask<ReviewActionDto> Handle(AddReviewActionCommand command, CancellationToken ct)
    {
        var review = await db.FindReviewAsync(command.ReviewId, ct);
        await db.EnsureOwnerAsync(command.Action.OwnerId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var action = new ReviewAction
        {
            ReviewId = review.Id,
            Title = command.Action.Title.Trim(),
            OwnerId = command.Action.OwnerId,
            DueDate = command.Action.DueDate,
            Status = command.Action.Status ?? ReviewActionStatus.Open,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.ReviewActions.Add(action);
        await db.SaveChangesAsync(ct);
        return await db.ToDtoAsync(action, ct);
    }
}

public sealed class ReviewActionRequestValidator : AbstractValidator<ReviewActionRequest>
{
    public ReviewActionRequestValidator()
    {
        RuleFor(a => a.Title).NotEmpty().MaximumLength(ReviewAction.MaxTitleLength);
        RuleFor(a => a.OwnerId).NotEmpty();
        RuleFor(a => a.Status).IsInEnum();
    }
}

public static class ReviewActionOwners
{
    /// <summary>An action's owner is a user of this tenant; anyone else is a 400 on the field.</summary>
    public static async Task EnsureOwnerAsync(this L2RDbContext db, Guid ownerId, CancellationToken ct)
    {
        if (!await db.Users.AnyAsync(u => u.Id == ownerId, ct))
        {
            throw RequestValidationException.For("ownerId", $"{ownerId} is not a user of this tenant.");
        }
    }
}
