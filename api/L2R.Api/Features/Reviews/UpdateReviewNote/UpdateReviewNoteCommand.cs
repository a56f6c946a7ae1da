using FluentValidation;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Reviews.UpdateReviewNote;

/// <summary>Rewords an agenda item or comment; only its author may (404 for another review's or tenant's, 403 for someone else's).</summary>
public sealed record UpdateReviewNoteCommand(Guid ReviewId, Guid NoteId, string Text) : ICommand<ReviewNoteDto>;

public sealed class UpdateReviewNoteValidator : AbstractValidator<UpdateReviewNoteCommand>
{
    public UpdateReviewNoteValidator() => RuleFor(c => c.Text).NotEmpty().MaximumLength(ReviewNote.MaxTextLength);
}

public sealed class UpdateReviewNoteHandler(L2RDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<UpdateReviewNoteCommand, ReviewNoteDto>
{
    public async ValueTask<ReviewNoteDto> Handle(UpdateReviewNoteCommand command, CancellationToken ct)
    {
        var note = await db.FindOwnNoteAsync(command.ReviewId, command.NoteId, user.RequiredUserId, ct);
        note.Text = command.Text.Trim();
        note.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return await db.ToDtoAsync(note, ct);
    }
}

public static class ReviewNoteAuthors
{
    public static async Task<ReviewNote> FindOwnNoteAsync(this L2RDbContext db, Guid reviewId, Guid noteId, Guid userId, CancellationToken ct)
    {
        var note = await db.ReviewNotes.FirstOrDefaultAsync(n => n.Id == noteId && n.ReviewId == reviewId, ct) ?? throw new NotFoundException("Review note", noteId);
        return note.AuthorId == userId ? note : throw new ForbiddenException("Only its author can change an agenda item or comment.");
    }
}
