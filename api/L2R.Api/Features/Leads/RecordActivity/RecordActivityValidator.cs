using FluentValidation;

namespace L2R.Api.Features.Leads.RecordActivity;

public sealed class RecordActivityValidator : AbstractValidator<RecordActivityCommand>
{
    public RecordActivityValidator(TimeProvider clock)
    {
        RuleFor(c => c.Activity).NotNull();
        RuleFor(c => c.Activity.Type).IsInEnum().OverridePropertyName("type");
        RuleFor(c => c.Activity.OccurredAt)
            .Must(at => at!.Value.ToUniversalTime() <= clock.GetUtcNow().UtcDateTime.AddMinutes(5))
            .When(c => c.Activity?.OccurredAt is not null)
            .OverridePropertyName("occurredAt")
            .WithMessage("An activity cannot happen in the future.");
        RuleFor(c => c.Activity.Campaign).MaximumLength(200).OverridePropertyName("campaign");
        RuleFor(c => c.Activity.Url).MaximumLength(2000).OverridePropertyName("url");
        RuleFor(c => c.Activity.Title).MaximumLength(500).OverridePropertyName("title");
    }
}
