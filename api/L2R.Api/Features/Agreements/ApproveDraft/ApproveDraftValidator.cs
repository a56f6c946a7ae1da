using FluentValidation;
using L2R.Domain.Leads;

namespace L2R.Api.Features.Agreements.ApproveDraft;

public sealed class ApproveDraftValidator : AbstractValidator<ApproveDraftCommand>
{
    public ApproveDraftValidator() =>
        RuleFor(c => c.Role).Must(r => r is null or Role.Marketing or Role.Sales).WithMessage("Approve as Marketing or as Sales.");
}
