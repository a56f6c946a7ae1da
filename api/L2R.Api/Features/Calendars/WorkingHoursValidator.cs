using FluentValidation;
using L2R.Domain.Calendars;

namespace L2R.Api.Features.Calendars;

/// <summary>One set of rules for the tenant's hours and a user's own: a known weekday, start before end, each weekday once.</summary>
public sealed class WorkingHoursValidator : AbstractValidator<IReadOnlyList<WorkingDay>>
{
    public WorkingHoursValidator()
    {
        RuleFor(hours => hours.Count).LessThanOrEqualTo(7).OverridePropertyName("");
        RuleFor(hours => hours)
            .Must(hours => hours.Select(h => h.Day).Distinct().Count() == hours.Count)
            .WithMessage("Give each weekday at most once.")
            .OverridePropertyName("");
        RuleForEach(hours => hours).ChildRules(day =>
        {
            day.RuleFor(d => d.Day).IsInEnum();
            day.RuleFor(d => d.End).GreaterThan(d => d.Start).WithMessage("A working day ends after it starts.");
        }).OverridePropertyName("");
    }
}
