using FluentValidation;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Intel;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Intel.AddTag;

public sealed record AddTagCommand(AddTagRequest Tag) : ICommand<AddTagResult>;

/// <param name="Created">False when the label was already on the list: the existing tag is the answer.</param>
public sealed record AddTagResult(IntelTagDto Tag, bool Created);

public sealed class AddTagValidator : AbstractValidator<AddTagCommand>
{
    public AddTagValidator()
    {
        RuleFor(c => c.Tag.Kind).IsInEnum().OverridePropertyName("kind");
        RuleFor(c => c.Tag.Label).NotEmpty().Must(l => IntelCapture.TidyLabel(l).Length > 0).WithMessage("Give the tag a label.")
            .MaximumLength(IntelCapture.MaxLabelLength).OverridePropertyName("label");
    }
}

/// <summary>
/// Any signed-in user adds a tag on the fly. A label already on the kind's list (ignoring case and spacing) answers the
/// tag it names instead of a duplicate: the one a merged tag went into, and a retired one offered again, since someone
/// heard it again. Two people adding the same label at once meet the unique index; the later one then reads the winner's.
/// </summary>
public sealed class AddTagHandler(L2RDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<AddTagCommand, AddTagResult>
{
    public async ValueTask<AddTagResult> Handle(AddTagCommand command, CancellationToken ct)
    {
        var kind = command.Tag.Kind;
        var label = IntelCapture.TidyLabel(command.Tag.Label);
        var normalized = IntelCapture.NormalizeLabel(label);
        if (await ExistingAsync(kind, normalized, ct) is { } existing)
        {
            return new AddTagResult(existing, false);
        }

        var tag = new IntelTag { Kind = kind, Label = label, NormalizedLabel = normalized, CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = user.UserId };
        db.IntelTags.Add(tag);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.Entry(tag).State = EntityState.Detached;
            return new AddTagResult(await ExistingAsync(kind, normalized, ct) ?? throw new InvalidOperationException("The tag that won the race is gone."), false);
        }

        return new AddTagResult(IntelTagDto.From(tag, 0), true);
    }

    private async Task<IntelTagDto?> ExistingAsync(IntelKind kind, string normalized, CancellationToken ct)
    {
        var tag = await db.IntelTags.FirstOrDefaultAsync(t => t.Kind == kind && t.NormalizedLabel == normalized, ct);
        if (tag?.MergedIntoId is { } into)
        {
            tag = await db.IntelTags.FirstAsync(t => t.Id == into, ct);
        }

        if (tag is null)
        {
            return null;
        }

        if (tag.RetiredAt is not null)
        {
            tag.RetiredAt = null;
            await db.SaveChangesAsync(ct);
        }

        return await db.ToDtoAsync(tag, ct);
    }
}
