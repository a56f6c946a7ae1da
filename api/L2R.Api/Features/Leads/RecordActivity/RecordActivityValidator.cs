using FluentValidation;
using L2R.Api.Features.Intel;
using L2R.Domain.Intel;

namespace L2R.Api.Features.Leads.RecordActivity;

public sealed class RecordActivityValidator : AbstractValidator<RecordActivityCommand>
{
    public RecordActivityValidator(TimeProvider clock)
    {
        RuleFor(c => c.Activity).NotNull().SetValidator(new ActivityRequestValidator(clock)).OverridePropertyName(string.Empty);
    }
}

/// <summary>One activity, wherever it is recorded (on a lead's page or in a batch by email).</summary>
public sealed class ActivityRequestValidator : AbstractValidator<RecordActivityRequest>
{
    public ActivityRequestValidator(TimeProvider clock)
    {
        RuleFor(a => a.Type).IsInEnum();
        RuleFor(a => a.OccurredAt)
            .Must(at => at!.Value.ToUniversalTime() <= clock.GetUtcNow().UtcDateTime.AddMinutes(5))
            .When(a => a.OccurredAt is not null)
            .WithMessage("An activity cannot happen in the future.");
        RuleFor(a => a.Campaign).MaximumLength(200);
        RuleFor(a => a.Url).MaximumLength(2000);
        RuleFor(a => a.Title).MaximumLength(500);
        RuleFor(a => a.Intel).SetValidator(new IntelRequestValidator()!);
        RuleFor(a => a.Intel)
            .Must((a, intel) => intel is null || intel.IsEmpty || IntelCapture.CanCarryIntel(a.Type))
            .WithMessage("Intel is recorded with a rep's own call, meeting or email: " + string.Join(", ", IntelCapture.Activities) + ".");
    }
}
