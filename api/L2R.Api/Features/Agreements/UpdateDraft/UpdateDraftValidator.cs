using FluentValidation;

namespace L2R.Api.Features.Agreements.UpdateDraft;

public sealed class UpdateDraftValidator : AbstractValidator<UpdateDraftCommand>
{
    public UpdateDraftValidator() => RuleFor(c => c.Agreement).NotNull();
}
