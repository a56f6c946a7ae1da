using FluentValidation;

namespace L2R.Api.Features.Users;

public sealed class PasswordValidator : AbstractValidator<string>
{
    public PasswordValidator()
    {
        RuleFor(p => p).NotEmpty().OverridePropertyName(string.Empty).WithName("password")
            .MinimumLength(10).WithMessage("A password has at least 10 characters.")
            .MaximumLength(200);
    }
}
