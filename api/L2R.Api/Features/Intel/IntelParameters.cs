using System.ComponentModel;
using FluentValidation;
using L2R.Api.Features.Metrics;
using Microsoft.AspNetCore.Mvc;

namespace L2R.Api.Features.Intel;

/// <summary>The period and filters every roll-up takes: the metrics' own, read against when the intel was recorded.</summary>
public sealed record IntelParameters(
    [property: Description("Start of the period (inclusive, UTC) the intel was recorded in; 90 days before `to` when left out.")]
    [FromQuery(Name = "from")] DateTime? From = null,
    [property: Description("End of the period (exclusive, UTC); now when left out.")]
    [FromQuery(Name = "to")] DateTime? To = null,
    [property: Description("Only leads from this source.")]
    [FromQuery(Name = "source")] string? Source = null,
    [property: Description("Only intel about this campaign: the one the rep named with a reception verdict, else the lead's.")]
    [FromQuery(Name = "campaign")] string? Campaign = null,
    [property: Description("Only intel on leads this user owned when it was recorded: a user id, \"me\", or \"none\" (unowned).")]
    [FromQuery(Name = "ownerId")] string? OwnerId = null)
{
    /// <summary>Resolved as the metrics resolve their period, so a bad range or owner is the same 400.</summary>
    public MetricsScope Resolve(DateTime now, Guid? currentUserId) =>
        new MetricsParameters(From, To, Source: Source, Campaign: Campaign, OwnerId: OwnerId).Resolve(now, currentUserId);
}

/// <summary>A roll-up and the filters it was asked with.</summary>
public interface IIntelQuery
{
    IntelParameters Filter { get; }
}

public abstract class IntelQueryValidator<T> : AbstractValidator<T>
    where T : IIntelQuery
{
    protected IntelQueryValidator()
    {
        RuleFor(q => q.Filter.Source).MaximumLength(200).OverridePropertyName("source");
        RuleFor(q => q.Filter.Campaign).MaximumLength(200).OverridePropertyName("campaign");
    }
}
