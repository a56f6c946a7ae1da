using System.Globalization;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Leads;

namespace L2R.Api.Features.Leads;

/// <summary>Applies a profile to a lead and returns what changed, so edits can be recorded field by field.</summary>
public static class LeadProfileWriter
{
    public static IReadOnlyList<(string Field, string? Old, string? New)> Apply(Lead lead, LeadProfile profile)
    {
        var changes = new List<(string, string?, string?)>();
        Text(nameof(Lead.FirstName), profile.FirstName, () => lead.FirstName, v => lead.FirstName = v);
        Text(nameof(Lead.LastName), profile.LastName, () => lead.LastName, v => lead.LastName = v);
        Text(nameof(Lead.Email), profile.Email, () => lead.Email, v =>
        {
            lead.Email = v;
            lead.NormalizedEmail = LeadReads.Normalize(v);
        });
        Text(nameof(Lead.Phone), profile.Phone, () => lead.Phone, v => lead.Phone = v);
        Text(nameof(Lead.Title), profile.Title, () => lead.Title, v => lead.Title = v);
        Text(nameof(Lead.Company), profile.Company, () => lead.Company, v => lead.Company = v);
        Text(nameof(Lead.Website), profile.Website, () => lead.Website, v => lead.Website = v);
        Text(nameof(Lead.Industry), profile.Industry, () => lead.Industry, v => lead.Industry = v);
        Text(nameof(Lead.Country), profile.Country, () => lead.Country, v => lead.Country = v);
        Text(nameof(Lead.Source), profile.Source, () => lead.Source, v => lead.Source = v);
        Text(nameof(Lead.Campaign), profile.Campaign, () => lead.Campaign, v => lead.Campaign = v);
        if (profile.CompanySize is { } size && size != lead.CompanySize)
        {
            changes.Add((nameof(Lead.CompanySize), Show(lead.CompanySize), Show(size)));
            lead.CompanySize = size;
        }

        if (profile.AnnualRevenue is { } revenue && revenue != lead.AnnualRevenue)
        {
            changes.Add((nameof(Lead.AnnualRevenue), Show(lead.AnnualRevenue), Show(revenue)));
            lead.AnnualRevenue = revenue;
        }

        foreach (var (name, value) in profile.CustomFields ?? [])
        {
            var old = lead.CustomFields.GetValueOrDefault(name);
            var next = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
            if (old == next)
            {
                continue;
            }

            changes.Add((LeadFields.CustomPrefix + name, old, next));
            lead.SetCustomField(name, next);
        }

        return changes;

        void Text(string field, string? requested, Func<string?> read, Action<string?> write)
        {
            if (requested is null)
            {
                return;
            }

            var next = string.IsNullOrWhiteSpace(requested) ? null : requested.Trim();
            var old = read();
            if (next != old)
            {
                changes.Add((field, old, next));
                write(next);
            }
        }
    }

    public static string? Show(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    public static LeadChange ToChange(Guid leadId, (string Field, string? Old, string? New) change, Actor by, DateTime at) => new()
    {
        LeadId = leadId,
        Field = char.ToLowerInvariant(change.Field[0]) + change.Field[1..],
        OldValue = change.Old,
        NewValue = change.New,
        ChangedBy = by.UserId,
        ChangedByClientId = by.ClientId,
        ChangedAt = at,
    };
}
