using FluentValidation;

namespace L2R.Api.Features.Leads.UpsertLead;

public sealed class UpsertLeadValidator : AbstractValidator<UpsertLeadCommand>
{
    public UpsertLeadValidator()
    {
        RuleFor(c => c.Lead).NotNull().SetValidator(new LeadProfileValidator()).OverridePropertyName(string.Empty);
        RuleFor(c => c.Lead.Email).NotEmpty().OverridePropertyName("email").WithMessage("Upsert finds the lead by its email: send one.");
        RuleFor(c => c.Lead.Amount).GreaterThanOrEqualTo(0).LessThan(1_000_000_000_000_000m).OverridePropertyName("amount");
    }
}
