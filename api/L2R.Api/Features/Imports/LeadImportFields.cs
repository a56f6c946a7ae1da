using System.Globalization;
using System.Text.RegularExpressions;
using L2R.Api.Features.Leads;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Agreements;
using L2R.Domain.Leads;

namespace L2R.Api.Features.Imports;

/// <summary>A lead field an import column can fill: how to read a cell into the stored text, and how to read and write the lead.</summary>
public sealed record LeadImportField(string Name, string Label, Func<string, ParsedCell> Parse, Func<Lead, string?> Get, Action<Lead, string?> Set, params string[] Headers);

/// <summary>A cell read for a field: its value as the lead stores it (invariant text), or why it cannot be.</summary>
public readonly record struct ParsedCell(string? Value, string? Error)
{
    public static ParsedCell Ok(string value) => new(value, null);

    public static ParsedCell Bad(string error) => new(null, error);
}

/// <summary>
/// The fields a leads CSV maps to, the header names each is suggested for (the ones HubSpot and Salesforce exports use,
/// and our own export's), and how their cells are read. A stage is never among them: stages come from the agreement.
/// </summary>
public static partial class LeadImportFields
{
    public const string CustomPrefix = LeadFields.CustomPrefix;
    public const int MaxCustomValue = 500;

    public static readonly IReadOnlyList<LeadImportField> All =
    [
        Text("firstName", "First name", 200, l => l.FirstName, (l, v) => l.FirstName = v, "First Name", "Given Name", "First"),
        Text("lastName", "Last name", 200, l => l.LastName, (l, v) => l.LastName = v, "Last Name", "Surname", "Family Name", "Last"),
        new("email", "Email", Email, l => l.Email, (l, v) => (l.Email, l.NormalizedEmail) = (v, LeadReads.Normalize(v)), "Email", "Email Address", "E-mail", "Work Email", "Business Email"),
        Text("phone", "Phone", 50, l => l.Phone, (l, v) => l.Phone = v, "Phone", "Phone Number", "Business Phone", "Work Phone", "Mobile Phone", "Mobile", "Telephone"),
        Text("title", "Title", 200, l => l.Title, (l, v) => l.Title = v, "Title", "Job Title", "Position"),
        Text("company", "Company", 200, l => l.Company, (l, v) => l.Company = v, "Company", "Company Name", "Account Name", "Organization", "Organisation"),
        Text("website", "Website", 500, l => l.Website, (l, v) => l.Website = v, "Website", "Website URL", "Company Website", "Web Site", "URL"),
        Text("industry", "Industry", 200, l => l.Industry, (l, v) => l.Industry = v, "Industry"),
        Text("country", "Country", 200, l => l.Country, (l, v) => l.Country = v, "Country", "Country/Region", "Billing Country", "Mailing Country"),
        new("companySize", "Company size", CompanySize, l => Show(l.CompanySize), (l, v) => l.CompanySize = v is null ? null : int.Parse(v, CultureInfo.InvariantCulture),
            "No. of Employees", "Number of Employees", "Employees", "Company Size", "Employee Count", "Company size (employees)"),
        new("annualRevenue", "Annual revenue", Revenue, l => Show(l.AnnualRevenue), (l, v) => l.AnnualRevenue = v is null ? null : decimal.Parse(v, CultureInfo.InvariantCulture),
            "Annual Revenue", "Revenue"),
        Text("source", "Source", 200, l => l.Source, (l, v) => l.Source = v, "Lead Source", "Source", "Original Source"),
        Text("campaign", "Campaign", 200, l => l.Campaign, (l, v) => l.Campaign = v, "Campaign", "Campaign Name", "Original Campaign"),
    ];

    /// <summary>Columns that hold a CRM's own status of the lead: kept as custom fields, since the agreement, not the file, decides the stage.</summary>
    private static readonly string[] CustomByDefault = ["Lead Status", "Status", "Lifecycle Stage", "Rating", "Lead Rating"];

    private static readonly Dictionary<string, LeadImportField> ByName = All.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
    private static readonly Dictionary<string, string> ByHeader = All.SelectMany(f => f.Headers.Select(h => (Key: HeaderKey(h), f.Name)))
        .DistinctBy(h => h.Key)
        .ToDictionary(h => h.Key, h => h.Name);

    /// <summary>The field suggested for a header: a lead field, a custom field for CRM status columns, or none.</summary>
    public static string? Suggest(string header) =>
        ByHeader.TryGetValue(HeaderKey(header), out var field) ? field
        : CustomByDefault.Any(c => HeaderKey(c) == HeaderKey(header)) ? CustomPrefix + header.Trim()
        : null;

    public static LeadImportField? Find(string field) => ByName.GetValueOrDefault(field);

    /// <summary>A mapping target: a lead field, or <c>custom.&lt;name&gt;</c> with a name of 1–50 characters.</summary>
    public static bool IsTarget(string field) =>
        ByName.ContainsKey(field) || (field.StartsWith(CustomPrefix, StringComparison.Ordinal) && field.Length - CustomPrefix.Length is > 0 and <= 50);

    public static string? Show(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static string? Show(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>Headers compare without case, spaces and punctuation: "No. of Employees" is "noofemployees".</summary>
    internal static string HeaderKey(string header) => NotAlphanumeric().Replace(header, "").ToLowerInvariant();

    private static LeadImportField Text(string name, string label, int max, Func<Lead, string?> get, Action<Lead, string?> set, params string[] headers) =>
        new(name, label, cell => cell.Length <= max ? ParsedCell.Ok(cell) : ParsedCell.Bad($"is {cell.Length} characters long; at most {max}"), get, set, headers);

    private static ParsedCell Email(string cell) =>
        ValidEmailCriterion.IsValidEmail(cell) ? ParsedCell.Ok(cell) : ParsedCell.Bad($"\"{cell}\" is not an email address");

    /// <summary>
    /// A head count, or a range as CRM exports give it ("51-200", "10,001+", "1000 to 5000"): a range counts as its lower
    /// bound, what the company has at least, so a fit rule "at least 200 employees" never credits a company that may be smaller.
    /// </summary>
    private static ParsedCell CompanySize(string cell)
    {
        var match = SizeRange().Match(cell);
        return match.Success && int.TryParse(match.Groups["low"].Value.Replace(",", "").Replace(".", "").Replace(" ", ""), NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            ? ParsedCell.Ok(size.ToString(CultureInfo.InvariantCulture))
            : ParsedCell.Bad($"\"{cell}\" is not a number of employees (e.g. 250 or 51-200)");
    }

    /// <summary>An amount with optional currency sign and thousands separators, and an optional K, M or B (thousand, million, billion).</summary>
    private static ParsedCell Revenue(string cell)
    {
        var match = Amount().Match(cell);
        if (!match.Success || !decimal.TryParse(match.Groups["number"].Value.Replace(",", ""), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return ParsedCell.Bad($"\"{cell}\" is not an amount (e.g. 2500000 or 2.5M)");
        }

        amount *= match.Groups["unit"].Value.ToUpperInvariant() switch { "K" => 1_000m, "M" => 1_000_000m, "B" => 1_000_000_000m, _ => 1m };
        return amount < 1_000_000_000_000_000m ? ParsedCell.Ok(amount.ToString(CultureInfo.InvariantCulture)) : ParsedCell.Bad($"\"{cell}\" is too large");
    }

    [GeneratedRegex(@"[^\p{L}\p{N}]")]
    private static partial Regex NotAlphanumeric();

    [GeneratedRegex(@"^\s*(?<low>\d{1,3}(?:[,. ]\d{3})+|\d+)\s*(?:\+|(?:-|–|to)\s*(?:\d{1,3}(?:[,. ]\d{3})+|\d+))?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex SizeRange();

    [GeneratedRegex(@"^\s*[$€£¥]?\s*(?<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?<unit>[KMB])?\s*(?:[A-Z]{3})?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Amount();

    /// <summary>
    /// Writes the row's values to the lead: all of them to a new lead; to an existing one, every mapped value
    /// (<see cref="DuplicatePolicy.Overwrite"/>) or only where the lead has none (<see cref="DuplicatePolicy.FillEmpty"/>).
    /// An empty cell never clears a field. Returns the fields that changed, with their values before and after.
    /// </summary>
    public static List<(string Field, string? Old, string? New)> Apply(Lead lead, ImportRow row, DuplicatePolicy policy)
    {
        var changes = new List<(string, string?, string?)>();
        foreach (var (field, value) in row.Values)
        {
            var old = Get(lead, field);
            if ((policy == DuplicatePolicy.FillEmpty && !string.IsNullOrEmpty(old)) || old == value)
            {
                continue;
            }

            Set(lead, field, value);
            changes.Add((field, old, value));
        }

        return changes;
    }

    public static string? Get(Lead lead, string field) =>
        Find(field) is { } known ? known.Get(lead) : lead.CustomFields.GetValueOrDefault(field[CustomPrefix.Length..]);

    /// <summary>Sets a field from its stored text; null clears it (undo puts back what a field held before, empty included).</summary>
    public static void Set(Lead lead, string field, string? value)
    {
        if (Find(field) is { } known)
        {
            known.Set(lead, value);
            return;
        }

        lead.SetCustomField(field[CustomPrefix.Length..], value);
    }
}
