using L2R.Api.Features.Metrics;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Intel;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Intel;

/// <summary>
/// The intel records and tag mentions one roll-up counts: recorded in [from, to), on a lead of the source, about the
/// campaign, on a lead the owner held then. Every roll-up and its drill-down start here, so a count and the list of
/// leads behind it read the same rows.
/// </summary>
public static class IntelRecords
{
    public static IQueryable<LeadIntel> Of(L2RDbContext db, MetricsScope scope)
    {
        var records = db.LeadIntel.AsNoTracking().Where(i => i.RecordedAt >= scope.From && i.RecordedAt < scope.To);
        if (scope.Source is { } source)
        {
            var leads = db.Leads.Where(l => l.Source == source).Select(l => l.Id);
            records = records.Where(i => leads.Contains(i.LeadId));
        }

        if (scope.Campaign is { } campaign)
        {
            records = records.Where(i => i.Campaign == campaign);
        }

        if (scope.Owner is { } owner)
        {
            records = owner.UserId is { } id ? records.Where(i => i.OwnerId == id) : records.Where(i => i.OwnerId == null);
        }

        return records;
    }

    /// <summary>The mentions of tags of <paramref name="kind"/> (all kinds when null) on the records in scope.</summary>
    public static IQueryable<LeadIntelTag> Mentions(L2RDbContext db, MetricsScope scope, IntelKind? kind = null)
    {
        var records = Of(db, scope).Select(i => i.Id);
        var mentions = db.LeadIntelTags.AsNoTracking().Where(t => t.RecordedAt >= scope.From && t.RecordedAt < scope.To && records.Contains(t.LeadIntelId));
        return kind is { } only ? mentions.Where(t => t.Kind == only) : mentions;
    }
}
