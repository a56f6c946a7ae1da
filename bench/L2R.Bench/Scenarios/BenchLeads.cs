using L2R.Bench.Infrastructure;
using L2R.Domain.Leads;

namespace L2R.Bench.Scenarios;

/// <summary>
/// Leads and activities as the bulk-seeded scenarios (S2, S4, S5, S6) write them: the columns every scenario fills the
/// same way (name, email, contact, source, campaign) are here; each scenario gives the rest (stage, scores and the
/// fields fit rules read) and falls back to <see cref="Common"/>.
/// </summary>
public static class BenchLeads
{
    public static readonly IReadOnlySet<string> Columns = new HashSet<string>
    {
        "Id", "TenantId", "State", "Version", "FirstName", "LastName", "DisplayName", "Email", "NormalizedEmail", "Phone", "Title",
        "Company", "Industry", "Country", "CompanySize", "Source", "Campaign", "OwnerId", "Budget", "Authority", "Need", "Timeline",
        "FitScore", "EngagementScore", "TotalScore", "ScoredAt", "CustomFields", "AgreementVersion", "CreatedAt", "UpdatedAt", "StageEnteredAt",
    };

    public static readonly IReadOnlySet<string> ActivityColumns = new HashSet<string>
    {
        "Id", "TenantId", "LeadId", "Type", "OccurredAt", "RecordedAt", "Campaign",
    };

    private static readonly string[] Sources = ["Webinar", "Website", "Referral", "Trade Show", "Paid Search"];

    /// <summary>Lead <paramref name="i"/>'s value of a column no scenario varies.</summary>
    public static object? Common(int i, Guid tenantId, string column) => column switch
    {
        "TenantId" => tenantId,
        "FirstName" => $"First{i}",
        "LastName" => $"Last{i % 1000}",
        "DisplayName" => Lead.NameOf($"First{i}", $"Last{i % 1000}", null),
        "Email" or "NormalizedEmail" => $"lead{i}@company{i % 5000}.example",
        "Phone" => "+1 555 0100",
        "Country" => "US",
        "Source" => Sources[i % Sources.Length],
        "Campaign" => $"Campaign {i % 12}",
        "CustomFields" => "{}",
        _ => throw new ArgumentException($"A bench lead's {column} depends on the scenario.", nameof(column)),
    };

    /// <summary>One activity of one lead, <paramref name="daysAgo"/> before <paramref name="now"/>.</summary>
    public sealed record Activity(Guid LeadId, ActivityType Type, double DaysAgo);

    public static BulkRows Activities(Guid tenantId, IReadOnlyList<Activity> activities, DateTime now) =>
        new("LeadActivities", ActivityColumns, activities.Count, i =>
        {
            var activity = activities[i];
            var at = now.AddDays(-activity.DaysAgo);
            return column => column switch
            {
                "Id" => Guid.NewGuid(),
                "TenantId" => tenantId,
                "LeadId" => activity.LeadId,
                "Type" => activity.Type.ToString(),
                "OccurredAt" or "RecordedAt" => at,
                "Campaign" => $"Campaign {i % 12}",
                _ => null,
            };
        });
}
