using FluentValidation;

namespace L2R.Api.Features.Auth.Refresh;

public sealed class RefreshValidator : AbstractValidator<RefreshCommand>
{
    public RefreshValidator() => RuleFor(c => c.RefreshToken).NotEmpty().MaximumLength(200);
}
