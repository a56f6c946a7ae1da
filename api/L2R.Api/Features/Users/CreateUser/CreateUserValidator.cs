using FluentValidation;

namespace L2R.Api.Features.Users.CreateUser;

public sealed class CreateUserValidator : AbstractValidator<CreateUserCommand>
{
    public CreateUserValidator()
    {
        RuleFor(c => c.Email).NotEmpty().EmailAddress().MaximumLength(254);
        RuleFor(c => c.DisplayName).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Password).SetValidator(new PasswordValidator());
        RuleFor(c => c.Roles).NotEmpty().WithMessage("Give the user at least one role.");
        RuleForEach(c => c.Roles).IsInEnum();
    }
}
