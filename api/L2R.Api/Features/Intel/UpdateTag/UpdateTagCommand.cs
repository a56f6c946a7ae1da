using FluentValidation;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Intel;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Intel.UpdateTag;

public sealed record UpdateTagCommand(Guid Id, UpdateTagRequest Tag) : ICommand<IntelTagDto>;

public sealed class UpdateTagValidator : AbstractValidator<UpdateTagCommand>
{
    public UpdateTagValidator()
    {
        RuleFor(c => c.Tag.Label).NotEmpty().Must(l => IntelCapture.TidyLabel(l).Length > 0).WithMessage("Give the tag a label.")
            .MaximumLength(IntelCapture.MaxLabelLength).OverridePropertyName("label");
    }
}

/// <summary>
/// An Admin renames, retires or offers again a tag (404 for another tenant's). A label another tag of the kind has is
/// refused (merge the two instead), and a merged tag stays retired: its mentions live on in the tag it went into.
/// </summary>
public sealed class UpdateTagHandler(L2RDbContext db, TimeProvider clock) : ICommandHandler<UpdateTagCommand, IntelTagDto>
{
    public async ValueTask<IntelTagDto> Handle(UpdateTagCommand command, CancellationToken ct)
    {
        var tag = await db.FindTagAsync(command.Id, ct);
        var label = IntelCapture.TidyLabel(command.Tag.Label);
        var normalized = IntelCapture.NormalizeLabel(label);
        if (await db.IntelTags.AnyAsync(t => t.Kind == tag.Kind && t.NormalizedLabel == normalized && t.Id != tag.Id, ct))
        {
            throw RequestValidationException.For("label", $"Another {tag.Kind} tag is labelled \"{label}\": merge the two instead.");
        }

        if (tag.MergedIntoId is not null && !command.Tag.Retired)
        {
            throw RequestValidationException.For("retired", "A merged tag stays retired; its mentions are on the tag it went into.");
        }

        tag.Label = label;
        tag.NormalizedLabel = normalized;
        tag.RetiredAt = command.Tag.Retired ? tag.RetiredAt ?? clock.GetUtcNow().UtcDateTime : null;
        await db.SaveChangesAsync(ct);
        return await db.ToDtoAsync(tag, ct);
    }
}
