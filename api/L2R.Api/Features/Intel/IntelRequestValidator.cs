using FluentValidation;
using L2R.Domain.Intel;

namespace L2R.Api.Features.Intel;

/// <summary>The shape of what a rep heard; whether its tags are the tenant's, of the right kind and offered is <see cref="IntelWriter"/>'s check.</summary>
public sealed class IntelRequestValidator : AbstractValidator<IntelRequest>
{
    public IntelRequestValidator()
    {
        RuleFor(i => i.Competitors).Must(Few).WithMessage(TooMany);
        RuleFor(i => i.Pains).Must(Few).WithMessage(TooMany);
        RuleFor(i => i.Objections).Must(Few).WithMessage(TooMany);
        RuleFor(i => i.Questions).Must(Few).WithMessage(TooMany);
        RuleFor(i => i.Reception!.Verdict).IsInEnum().When(i => i.Reception is not null).OverridePropertyName("reception.verdict");
        RuleFor(i => i.Reception!.Campaign).MaximumLength(200).When(i => i.Reception is not null).OverridePropertyName("reception.campaign");
        RuleFor(i => i.Note).MaximumLength(IntelCapture.MaxNoteLength);
    }

    private static readonly string TooMany = $"Pick at most {IntelCapture.MaxTagsPerKind} tags of a kind.";

    private static bool Few(IReadOnlyList<Guid>? ids) => ids is null || ids.Count <= IntelCapture.MaxTagsPerKind;
}
