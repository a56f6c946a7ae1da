using FluentValidation;

namespace L2R.Api.Features.Users.SetUserRoles;

public sealed class SetUserRolesValidator : AbstractValidator<SetUserRolesCommand>
{
    public SetUserRolesValidator()
    {
        RuleFor(c => c.Roles).NotEmpty().WithMessage("Give the user at least one role; deactivate the user to remove all access.");
        RuleForEach(c => c.Roles).IsInEnum();
    }
}
