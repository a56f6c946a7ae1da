using L2R.Api.Features.Reviews.UpdateReviewNote;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using Mediator;

namespace L2R.Api.Features.Reviews.DeleteReviewNote;

/// <summary>Deletes an agenda item or comment; only its author may.</summary>
public sealed record DeleteReviewNoteCommand(Guid ReviewId, Guid NoteId) : ICommand;

public sealed class DeleteReviewNoteHandler(L2RDbContext db, ICurrentUser user) : ICommandHandler<DeleteReviewNoteCommand>
{
    public async ValueTask<Unit> Handle(DeleteReviewNoteCommand command, CancellationToken ct)
    {
        db.ReviewNotes.Remove(await db.FindOwnNoteAsync(command.ReviewId, command.NoteId, user.RequiredUserId, ct));
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
