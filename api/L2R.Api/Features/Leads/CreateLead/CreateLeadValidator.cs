using FluentValidation;

namespace L2R.Api.Features.Leads.CreateLead;

public sealed class CreateLeadValidator : AbstractValidator<CreateLeadCommand>
{
    public CreateLeadValidator()
    {
        Include(new LeadProfileValidator());
        RuleFor(c => c)
            .Must(c => !string.IsNullOrWhiteSpace(c.Email) || !string.IsNullOrWhiteSpace(c.LastName) || !string.IsNullOrWhiteSpace(c.Company))
            .WithName("email")
            .WithMessage("A lead needs at least an email, a last name or a company.");
    }
}
