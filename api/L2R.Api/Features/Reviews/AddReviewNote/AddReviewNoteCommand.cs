using FluentValidation;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using Mediator;

namespace L2R.Api.Features.Reviews.AddReviewNote;

/// <summary>Adds an agenda item or a comment to a review (Marketing, Sales and Admins).</summary>
public sealed record AddReviewNoteCommand(Guid ReviewId, ReviewNoteKind Kind, string Text) : ICommand<ReviewNoteDto>;

public sealed class AddReviewNoteValidator : AbstractValidator<AddReviewNoteCommand>
{
    public AddReviewNoteValidator() => RuleFor(c => c.Text).NotEmpty().MaximumLength(ReviewNote.MaxTextLength);
}

public sealed class AddReviewNoteHandler(L2RDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<AddReviewNoteCommand, ReviewNoteDto>
{
    public async ValueTask<ReviewNoteDto> Handle(AddReviewNoteCommand command, CancellationToken ct)
    {
        var review = await db.FindReviewAsync(command.ReviewId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var note = new ReviewNote { ReviewId = review.Id, Kind = command.Kind, Text = command.Text.Trim(), AuthorId = user.RequiredUserId, CreatedAt = now, UpdatedAt = now };
        db.ReviewNotes.Add(note);
        await db.SaveChangesAsync(ct);
        return await db.ToDtoAsync(note, ct);
    }
}
