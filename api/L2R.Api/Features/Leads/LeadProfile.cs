using FluentValidation;

namespace L2R.Api.Features.Leads;

/// <summary>The profile fields a lead is created or edited with; on an edit, a field left out (null) keeps its value and an empty string clears it.</summary>
public record LeadProfile
{
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? Title { get; init; }
    public string? Company { get; init; }
    public string? Website { get; init; }
    public string? Industry { get; init; }
    public string? Country { get; init; }
    public int? CompanySize { get; init; }
    public decimal? AnnualRevenue { get; init; }
    public string? Source { get; init; }
    public string? Campaign { get; init; }
    public Dictionary<string, string>? CustomFields { get; init; }
}

public sealed class LeadProfileValidator : AbstractValidator<LeadProfile>
{
    public LeadProfileValidator()
    {
        RuleFor(p => p.FirstName).MaximumLength(200);
        RuleFor(p => p.LastName).MaximumLength(200);
        RuleFor(p => p.Email).MaximumLength(254);
        RuleFor(p => p.Phone).MaximumLength(50);
        RuleFor(p => p.Title).MaximumLength(200);
        RuleFor(p => p.Company).MaximumLength(200);
        RuleFor(p => p.Website).MaximumLength(500);
        RuleFor(p => p.Industry).MaximumLength(200);
        RuleFor(p => p.Country).MaximumLength(200);
        RuleFor(p => p.Source).MaximumLength(200);
        RuleFor(p => p.Campaign).MaximumLength(200);
        RuleFor(p => p.CompanySize).GreaterThanOrEqualTo(0);
        RuleFor(p => p.AnnualRevenue).GreaterThanOrEqualTo(0).LessThan(1_000_000_000_000_000m);
        RuleFor(p => p.CustomFields)
            .Must(fields => fields!.Count <= 50).WithMessage("At most 50 custom fields.")
            .Must(fields => fields!.All(f => f.Key.Length is > 0 and <= 50 && (f.Value?.Length ?? 0) <= 500))
            .WithMessage("Custom field names are 1–50 characters and values at most 500.")
            .When(p => p.CustomFields is not null);
    }
}
