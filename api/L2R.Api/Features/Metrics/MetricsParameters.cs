using System.ComponentModel;
using FluentValidation;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Metrics;
using Microsoft.AspNetCore.Mvc;

namespace L2R.Api.Features.Metrics;

/// <summary>The period, mode and filters every metrics endpoint takes, as the client sent them.</summary>
public sealed record MetricsParameters(
    [property: Description("Start of the period (inclusive, UTC); 90 days before `to` when left out.")]
    [FromQuery(Name = "from")] DateTime? From = null,
    [property: Description("End of the period (exclusive, UTC); now when left out.")]
    [FromQuery(Name = "to")] DateTime? To = null,
    [property: Description("cohort (default): the leads created in the period, followed to today. period: every entry and outcome that happened in the period.")]
    [FromQuery(Name = "mode")] WaterfallMode? Mode = null,
    [property: Description("Only leads from this source.")]
    [FromQuery(Name = "source")] string? Source = null,
    [property: Description("Only leads of this campaign.")]
    [FromQuery(Name = "campaign")] string? Campaign = null,
    [property: Description("Only entries whose owner at the moment of entry is this user id, \"me\", or \"none\" (unowned).")]
    [FromQuery(Name = "ownerId")] string? OwnerId = null,
    [property: Description("Only entries of this agreement version: in cohort mode the version under which the lead last became an MQL, in period mode the version recorded on the entry.")]
    [FromQuery(Name = "agreementVersion")] int? AgreementVersion = null)
{
    /// <summary>A longer span would let one request scan a tenant's whole history many times over in trend buckets.</summary>
    public const int MaxDays = 1100;

    /// <summary>The period with its defaults filled in; a bad range or owner is a 400 keyed by the parameter the client sent.</summary>
    public MetricsScope Resolve(DateTime now, Guid? currentUserId)
    {
        var to = Utc(To) ?? now;
        var from = Utc(From) ?? to.AddDays(-90);
        if (from >= to)
        {
            throw RequestValidationException.For(From is null ? "to" : "from", "The period must start before it ends.");
        }

        if ((to - from).TotalDays > MaxDays)
        {
            throw RequestValidationException.For("from", $"The period may span at most {MaxDays} days.");
        }

        return new MetricsScope(from, to, Mode ?? WaterfallMode.Cohort, Blank(Source), Blank(Campaign), Owner(currentUserId), AgreementVersion);
    }

    private OwnerFilter? Owner(Guid? currentUserId) => OwnerId?.Trim() switch
    {
        null or "" => null,
        var me when me.Equals("me", StringComparison.OrdinalIgnoreCase) => new OwnerFilter(currentUserId),
        var none when none.Equals("none", StringComparison.OrdinalIgnoreCase) => new OwnerFilter(null),
        var id => Guid.TryParse(id, out var owner) ? new OwnerFilter(owner) : throw RequestValidationException.For("ownerId", "Owner is a user id, \"me\" or \"none\"."),
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>A time without a zone ("2026-04-01") is read as UTC, as every time in L2R is.</summary>
    private static DateTime? Utc(DateTime? value) => value switch
    {
        null => null,
        { Kind: DateTimeKind.Utc } utc => utc,
        { Kind: DateTimeKind.Local } local => local.ToUniversalTime(),
        var unspecified => DateTime.SpecifyKind(unspecified.Value, DateTimeKind.Utc),
    };
}

/// <summary>Entries of this owner at the moment of entry; a null <see cref="UserId"/> means entries of no owner.</summary>
public sealed record OwnerFilter(Guid? UserId);

/// <summary>The resolved period, mode and filters one metrics answer is computed for.</summary>
public sealed record MetricsScope(DateTime From, DateTime To, WaterfallMode Mode, string? Source, string? Campaign, OwnerFilter? Owner, int? AgreementVersion);

/// <summary>How a waterfall is split into groups side by side.</summary>
public enum MetricsGrouping
{
    /// <summary>The lead's source.</summary>
    Source,

    /// <summary>The lead's campaign.</summary>
    Campaign,

    /// <summary>The owner recorded on each entry at the moment it was made.</summary>
    Owner,

    /// <summary>Cohort mode: the version under which the lead last became an MQL (before that, the version recorded on the entry). Period mode: the version recorded on the entry.</summary>
    AgreementVersion,
}

/// <summary>A metrics query and the filters it was asked with.</summary>
public interface IMetricsQuery
{
    MetricsParameters Filter { get; }
}

/// <summary>The rules every metrics query shares; the period itself is checked when it is resolved against the clock.</summary>
public abstract class MetricsQueryValidator<T> : AbstractValidator<T>
    where T : IMetricsQuery
{
    protected MetricsQueryValidator()
    {
        RuleFor(q => q.Filter.Mode).IsInEnum().OverridePropertyName("mode");
        RuleFor(q => q.Filter.Source).MaximumLength(200).OverridePropertyName("source");
        RuleFor(q => q.Filter.Campaign).MaximumLength(200).OverridePropertyName("campaign");
        RuleFor(q => q.Filter.AgreementVersion).GreaterThanOrEqualTo(1).OverridePropertyName("agreementVersion");
    }
}
