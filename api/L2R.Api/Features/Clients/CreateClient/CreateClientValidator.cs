using FluentValidation;
using L2R.Api.Infrastructure.Auth;

namespace L2R.Api.Features.Clients.CreateClient;

public sealed class CreateClientValidator : AbstractValidator<CreateClientCommand>
{
    public CreateClientValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(100);
        RuleFor(c => c.Scopes).NotEmpty().WithMessage("Grant the client at least one scope.");
        RuleForEach(c => c.Scopes).Must(ApiScopes.All.Contains).WithMessage(c => $"Scopes are {string.Join(", ", ApiScopes.All)}.");
    }
}
