using FluentValidation;
using L2R.Api.Features.Leads;
using L2R.Api.Features.Leads.RecordActivity;

namespace L2R.Api.Features.Activities.RecordActivities;

public sealed class RecordActivitiesValidator : AbstractValidator<RecordActivitiesCommand>
{
    public const int MaxItems = 1000;

    public RecordActivitiesValidator(TimeProvider clock)
    {
        RuleFor(c => c.Items).NotEmpty().Must(items => items.Count <= MaxItems).WithMessage($"Send 1 to {MaxItems} activities.");
        RuleForEach(c => c.Items).ChildRules(item =>
        {
            item.RuleFor(i => i).Must(i => (i.LeadId is not null) ^ !string.IsNullOrWhiteSpace(i.Email))
                .OverridePropertyName("leadId").WithMessage("Name the lead by leadId or by email (one of them).");
            item.RuleFor(i => i.Email).MaximumLength(254);
            item.RuleFor(i => i.NewLead).Null().When(i => i.LeadId is not null).WithMessage("newLead goes with an email: a lead named by id exists already.");
            item.RuleFor(i => i.NewLead!).SetValidator(new LeadProfileValidator()).When(i => i.NewLead is not null);
            item.RuleFor(i => i.Activity).SetValidator(new ActivityRequestValidator(clock)).OverridePropertyName(string.Empty);
        });
    }
}
