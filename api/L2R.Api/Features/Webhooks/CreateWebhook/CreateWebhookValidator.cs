using FluentValidation;

namespace L2R.Api.Features.Webhooks.CreateWebhook;

public sealed class CreateWebhookValidator : AbstractValidator<CreateWebhookCommand>
{
    public CreateWebhookValidator()
    {
        RuleFor(c => c.Url).NotEmpty().MaximumLength(2000);
        RuleFor(c => c.EventTypes).Must(t => t!.Count <= 50).When(c => c.EventTypes is not null);
    }
}
