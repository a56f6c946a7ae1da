using FluentValidation;

namespace L2R.Api.Features.Leads.UpdateLead;

public sealed class UpdateLeadValidator : AbstractValidator<UpdateLeadCommand>
{
    public UpdateLeadValidator()
    {
        RuleFor(c => c.Changes).NotNull().SetValidator(new LeadProfileValidator()).OverridePropertyName(string.Empty);
        RuleFor(c => c.Changes.Amount).GreaterThanOrEqualTo(0).LessThan(1_000_000_000_000_000m).OverridePropertyName("amount");
    }
}
