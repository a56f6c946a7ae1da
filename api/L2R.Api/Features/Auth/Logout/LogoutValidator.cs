using FluentValidation;

namespace L2R.Api.Features.Auth.Logout;

public sealed class LogoutValidator : AbstractValidator<LogoutCommand>
{
    public LogoutValidator() => RuleFor(c => c.RefreshToken).NotEmpty().MaximumLength(200);
}
