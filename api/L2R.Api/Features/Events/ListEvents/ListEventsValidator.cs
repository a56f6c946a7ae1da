using FluentValidation;
using L2R.Api.Infrastructure.Outbox;

namespace L2R.Api.Features.Events.ListEvents;

public sealed class ListEventsValidator : AbstractValidator<ListEventsQuery>
{
    public ListEventsValidator()
    {
        RuleFor(q => q.After).GreaterThanOrEqualTo(0);
        RuleFor(q => q.Limit).InclusiveBetween(1, ListEventsHandler.MaxLimit);
        RuleForEach(q => q.Types).Must(EventTypes.All.Contains).WithMessage($"Event types are {string.Join(", ", EventTypes.All)}.").OverridePropertyName("types");
    }
}
