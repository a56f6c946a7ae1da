using FluentValidation;
using L2R.Api.Features.Intel;
using L2R.Domain.Intel;

namespace L2R.Api.Features.Leads.FireTrigger;

public sealed class FireTriggerValidator : AbstractValidator<FireTriggerCommand>
{
    public FireTriggerValidator()
    {
        RuleFor(c => c.Trigger).IsInEnum();
        RuleFor(c => c.ReasonCode).MaximumLength(60);
        RuleFor(c => c.Note).MaximumLength(2000);
        RuleFor(c => c.Intel).SetValidator(new IntelRequestValidator()!);
        RuleFor(c => c.Intel)
            .Must((c, intel) => intel is null || intel.IsEmpty || IntelCapture.CanCarryIntel(c.Trigger))
            .WithMessage("Intel is recorded with the moves that carry a reason: " + string.Join(", ", IntelCapture.Moves) + ".");
    }
}
