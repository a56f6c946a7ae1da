using System.Text.RegularExpressions;
using FluentValidation;
using L2R.Api.Features.Users;

namespace L2R.Api.Features.Tenants.SignUp;

public sealed partial class SignUpValidator : AbstractValidator<SignUpCommand>
{
    public SignUpValidator()
    {
        RuleFor(c => c.TenantName).NotEmpty().MaximumLength(100);
        RuleFor(c => c.AdminEmail).NotEmpty().EmailAddress().MaximumLength(254);
        RuleFor(c => c.AdminPassword).SetValidator(new PasswordValidator());
        RuleFor(c => c.AdminName).MaximumLength(200);
        RuleFor(c => c.Slug).Matches(SlugPattern()).When(c => c.Slug is not null)
            .WithMessage("A slug is 2–60 lower-case letters, digits and hyphens.");
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,58}[a-z0-9]$")]
    private static partial Regex SlugPattern();
}
