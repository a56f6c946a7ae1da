using L2R.Domain.Leads;
using L2R.Domain.Metrics;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Infrastructure.Data;

/// <summary>
/// Keeps the <see cref="StageEntry"/> rows what the ledger's window query finds in the history (docs/decisions/0009),
/// in the same transaction as the history they follow: a save that adds history rows, and a bulk insert of them, adds
/// an entry per row and works out again every entry of the leads they belong to (<see cref="StageEntries.Derive"/>),
/// so only the entries whose derived columns change are updated. A merge moves the absorbed lead's entries to the
/// survivor with its history; the survivor's next save derives them all again, in the merged order.
/// </summary>
public static class StageEntryKeeper
{
    public static async Task TrackAsync(L2RDbContext db, CancellationToken ct)
    {
        if (Pending(db) is not { } pending)
        {
            return;
        }

        var stored = pending.StoredLeads.Count == 0 ? [] : await db.StageEntries.Where(e => pending.StoredLeads.Contains(e.LeadId)).ToListAsync(ct);
        db.StageEntries.AddRange(Derive(pending.Entries, [.. stored, .. pending.Unsaved]));
    }

    public static void Track(L2RDbContext db)
    {
        if (Pending(db) is not { } pending)
        {
            return;
        }

        var stored = pending.StoredLeads.Count == 0 ? [] : db.StageEntries.Where(e => pending.StoredLeads.Contains(e.LeadId)).ToList();
        db.StageEntries.AddRange(Derive(pending.Entries, [.. stored, .. pending.Unsaved]));
    }

    /// <summary>The entries of history rows inserted past the change tracker, inserted the same way; stored entries they change are left for the caller's save.</summary>
    public static async Task InsertForAsync(L2RDbContext db, IReadOnlyCollection<LeadTransition> history, CancellationToken ct)
    {
        var leads = history.Select(t => t.LeadId).Distinct().ToList();
        var stored = await db.StageEntries.Where(e => leads.Contains(e.LeadId)).ToListAsync(ct);
        await db.InsertManyAsync(Derive(history.Select(StageEntry.Of).ToList(), stored), ct);
    }

    /// <summary>
    /// The entries of the history rows the tracker holds as added and has no entry for yet, the entries it already
    /// holds as added (a failed save's, tried again), and the leads among theirs that may have stored entries: a lead
    /// added in the same save has none. Read without detecting changes: additions are known as they are made, and the
    /// save detects once, later.
    /// </summary>
    private static (List<StageEntry> Entries, List<StageEntry> Unsaved, List<Guid> StoredLeads)? Pending(L2RDbContext db)
    {
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var added = db.ChangeTracker.Entries<LeadTransition>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
            if (added.Count == 0)
            {
                return null;
            }

            var unsaved = db.ChangeTracker.Entries<StageEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
            var tracked = unsaved.Select(e => e.Id).ToHashSet();
            var entries = added.Where(t => !tracked.Contains(t.Id)).Select(StageEntry.Of).ToList();
            if (entries.Count == 0)
            {
                return null;
            }

            var newLeads = db.ChangeTracker.Entries<Lead>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.Id).ToHashSet();
            return (entries, unsaved, entries.Select(e => e.LeadId).Distinct().Where(id => !newLeads.Contains(id)).ToList());
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>Derives every entry of each lead among <paramref name="added"/> and <paramref name="stored"/>; answers the added ones.</summary>
    private static List<StageEntry> Derive(List<StageEntry> added, IReadOnlyList<StageEntry> stored)
    {
        foreach (var lead in stored.Concat(added).GroupBy(e => e.LeadId))
        {
            StageEntries.Derive(lead.ToList());
        }

        return added;
    }
}
