using System.Globalization;

namespace L2R.Domain.Leads;

public enum FieldKind
{
    Text,
    Number,
    YesNo,
    Date,
}

public sealed record LeadField(string Name, string Label, FieldKind Kind, Func<LeadFacts, object?> Read);

/// <summary>The lead fields criteria and scoring rules may name; per-tenant custom fields are addressed as <c>custom.&lt;name&gt;</c>.</summary>
public static class LeadFields
{
    public const string CustomPrefix = "custom.";

    private static readonly LeadField[] Standard =
    [
        Text("firstName", "First name", l => l.FirstName),
        Text("lastName", "Last name", l => l.LastName),
        Text("email", "Email", l => l.Email),
        Text("phone", "Phone", l => l.Phone),
        Text("title", "Title", l => l.Title),
        Text("company", "Company", l => l.Company),
        Text("website", "Website", l => l.Website),
        Text("industry", "Industry", l => l.Industry),
        Text("country", "Country", l => l.Country),
        Number("companySize", "Company size", l => l.CompanySize),
        Number("annualRevenue", "Annual revenue", l => l.AnnualRevenue),
        Text("source", "Source", l => l.Source),
        Text("campaign", "Campaign", l => l.Campaign),
        Text("ownerId", "Owner", l => l.OwnerId?.ToString()),
        YesNo("budget", "Budget confirmed", l => l.Budget),
        YesNo("authority", "Authority confirmed", l => l.Authority),
        YesNo("need", "Need confirmed", l => l.Need),
        YesNo("timeline", "Timeline confirmed", l => l.Timeline),
        Number("amount", "Amount", l => l.Amount),
        new("expectedCloseDate", "Expected close date", FieldKind.Date, f => f.Lead.ExpectedCloseDate),
        Number("fitScore", "Fit score", l => l.FitScore),
        Number("engagementScore", "Engagement score", l => l.EngagementScore),
        Number("totalScore", "Total score", l => l.TotalScore),
        new("daysInStage", "Days in stage", FieldKind.Number, f => (decimal)Math.Floor(f.DaysInStage)),
    ];

    private static readonly Dictionary<string, LeadField> ByName = Standard.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<LeadField> All => Standard;

    public static bool IsKnown(string? name) =>
        name is not null && (ByName.ContainsKey(name) || (name.StartsWith(CustomPrefix, StringComparison.Ordinal) && name.Length > CustomPrefix.Length));

    public static bool IsNumeric(string name) => ByName.TryGetValue(name, out var field) ? field.Kind == FieldKind.Number : IsKnown(name);

    public static string LabelOf(string name) =>
        ByName.TryGetValue(name, out var field) ? field.Label : name.StartsWith(CustomPrefix, StringComparison.Ordinal) ? name[CustomPrefix.Length..] : name;

    public static object? Read(LeadFacts facts, string name)
    {
        if (ByName.TryGetValue(name, out var field))
        {
            return field.Read(facts);
        }

        return name.StartsWith(CustomPrefix, StringComparison.Ordinal)
            && facts.Lead.CustomFields.TryGetValue(name[CustomPrefix.Length..], out var value)
            ? value
            : null;
    }

    public static string? ReadText(LeadFacts facts, string name) => Read(facts, name) switch
    {
        null => null,
        string s => s,
        bool b => b ? "yes" : "no",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        var other => Convert.ToString(other, CultureInfo.InvariantCulture),
    };

    public static decimal? ReadNumber(LeadFacts facts, string name) => Read(facts, name) switch
    {
        null => null,
        decimal d => d,
        int i => i,
        bool b => b ? 1 : 0,
        string s when decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    private static LeadField Text(string name, string label, Func<Lead, string?> read) => new(name, label, FieldKind.Text, f => read(f.Lead));

    private static LeadField Number(string name, string label, Func<Lead, decimal?> read) => new(name, label, FieldKind.Number, f => read(f.Lead));

    private static LeadField YesNo(string name, string label, Func<Lead, bool> read) => new(name, label, FieldKind.YesNo, f => read(f.Lead));
}
