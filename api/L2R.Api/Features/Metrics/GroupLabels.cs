using System.Globalization;
using L2R.Api.Features.Leads;
using L2R.Api.Infrastructure.Data;

namespace L2R.Api.Features.Metrics;

/// <summary>Group keys as people read them: owners by name, versions by number, and what "none" means in each slice.</summary>
public static class GroupLabels
{
    public static async Task<Func<string, string>> ForAsync(L2RDbContext db, MetricsGrouping? groupBy, IEnumerable<string> keys, CancellationToken ct)
    {
        var names = groupBy == MetricsGrouping.Owner
            ? await db.UserNamesAsync(keys.Select(k => Guid.TryParse(k, out var id) ? id : (Guid?)null), ct)
            : new Dictionary<Guid, string>();
        return key => (groupBy, key) switch
        {
            (null, _) => "All leads",
            (MetricsGrouping.Source, "") => "(no source)",
            (MetricsGrouping.Campaign, "") => "(no campaign)",
            (MetricsGrouping.Owner, "") => "(no owner)",
            (MetricsGrouping.Owner, _) => Guid.TryParse(key, out var id) ? names.GetValueOrDefault(id, "former user") : key,
            (MetricsGrouping.AgreementVersion, _) => string.Create(CultureInfo.InvariantCulture, $"Version {key}"),
            _ => key,
        };
    }
}
