using FluentValidation;

namespace L2R.Api.Features.Webhooks.UpdateWebhook;

public sealed class UpdateWebhookValidator : AbstractValidator<UpdateWebhookCommand>
{
    public UpdateWebhookValidator()
    {
        RuleFor(c => c.Changes).NotNull();
        RuleFor(c => c.Changes.Url).NotEmpty().MaximumLength(2000).OverridePropertyName("url");
    }
}
