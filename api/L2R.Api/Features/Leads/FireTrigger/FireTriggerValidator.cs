using FluentValidation;

namespace L2R.Api.Features.Leads.FireTrigger;

public sealed class FireTriggerValidator : AbstractValidator<FireTriggerCommand>
{
    public FireTriggerValidator()
    {
        RuleFor(c => c.Trigger).IsInEnum();
        RuleFor(c => c.ReasonCode).MaximumLength(60);
        RuleFor(c => c.Note).MaximumLength(2000);
    }
}
