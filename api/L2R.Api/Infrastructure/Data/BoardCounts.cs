using L2R.Domain.Leads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace L2R.Api.Infrastructure.Data;

/// <summary>
/// The unfiltered board's column counts without counting the leads (docs/decisions/0015): a counter per (tenant, stage)
/// plus the changes not folded into it yet. Every save adds its net change per stage from the leads it writes
/// (<see cref="L2RDbContext"/> calls <see cref="FromTracked"/>), and the writes past the change tracker (the bulk
/// insert, the deletes of a merge and of an undone import) add theirs through <see cref="Entering"/> and
/// <see cref="DeleteAsync"/>, so the change commits or rolls back with the leads. A clustered job folds the changes into the
/// counters (<see cref="FoldAsync"/>).
/// </summary>
public static class BoardCounts
{
    /// <summary>
    /// A fold takes at most this many changes of a tenant per transaction (their ids are one parameter list, which SQL
    /// Server caps at 2,100); the next fold takes the rest.
    /// </summary>
    public const int FoldBatch = 1000;

    /// <summary>The net change per stage of the tracked leads about to be saved: added, deleted, or moved to another stage.</summary>
    public static IReadOnlyList<BoardCountChange> FromTracked(IEnumerable<EntityEntry<Lead>> entries)
    {
        var net = new Dictionary<LeadState, int>();
        foreach (var entry in entries)
        {
            var state = entry.Property(l => l.State);
            switch (entry.State)
            {
                case EntityState.Added:
                    Add(net, state.CurrentValue, 1);
                    break;
                case EntityState.Deleted:
                    Add(net, state.OriginalValue, -1);
                    break;
                case EntityState.Modified when state.OriginalValue != state.CurrentValue:
                    Add(net, state.OriginalValue, -1);
                    Add(net, state.CurrentValue, 1);
                    break;
            }
        }

        return Changes(net);
    }

    /// <summary>Leads written past the change tracker (a bulk insert).</summary>
    public static IReadOnlyList<BoardCountChange> Entering(IEnumerable<LeadState> stages)
    {
        var net = new Dictionary<LeadState, int>();
        foreach (var stage in stages)
        {
            Add(net, stage, 1);
        }

        return Changes(net);
    }

    /// <summary>
    /// Deletes <paramref name="leads"/> past the change tracker, one statement per stage they were read in, and adds each
    /// stage's change as what its statement removed: a concurrent move between the read and the delete cannot make the
    /// count drift (a lead that moved to a stage not listed is not deleted, nor counted). Answers how many went.
    /// </summary>
    public static async Task<int> DeleteAsync(L2RDbContext db, IQueryable<Lead> leads, IEnumerable<LeadState> stages, CancellationToken ct)
    {
        var net = new Dictionary<LeadState, int>();
        foreach (var stage in stages.Distinct().Order())
        {
            Add(net, stage, -await leads.Where(l => l.State == stage).ExecuteDeleteAsync(ct));
        }

        db.BoardCountChanges.AddRange(Changes(net));
        return -net.Values.Sum();
    }

    /// <summary>The tenant's count per stage in one statement: the folded counters plus the changes since.</summary>
    public static async Task<Dictionary<LeadState, int>> ReadAsync(L2RDbContext db, CancellationToken ct) =>
        await db.BoardCounters.Select(c => new { c.Stage, c.Count })
            .Concat(db.BoardCountChanges.Select(c => new { c.Stage, Count = c.Delta }))
            .GroupBy(c => c.Stage)
            .Select(g => new { Stage = g.Key, Count = g.Sum(c => c.Count) })
            .ToDictionaryAsync(g => g.Stage, g => g.Count, ct);

    /// <summary>
    /// Folds up to <see cref="FoldBatch"/> of the tenant's changes into its counters, in one transaction; answers how
    /// many. Writers only insert changes, so the fold never waits for a move; two folds at once (the job runs on one
    /// instance at a time, so only by accident) cannot count a change twice: the second deletes fewer changes than it
    /// read and rolls back.
    /// </summary>
    public static async Task<int> FoldAsync(L2RDbContext db, CancellationToken ct)
    {
        try
        {
            return await db.InTransactionAsync(async () =>
            {
                var changes = await db.BoardCountChanges.AsNoTracking().OrderBy(c => c.Id).Take(FoldBatch).Select(c => new { c.Id, c.Stage, c.Delta }).ToListAsync(ct);
                if (changes.Count == 0)
                {
                    return 0;
                }

                var ids = changes.Select(c => c.Id).ToList();
                if (await db.BoardCountChanges.Where(c => ids.Contains(c.Id)).ExecuteDeleteAsync(ct) != ids.Count)
                {
                    throw new DbUpdateConcurrencyException("Another fold took some of these changes first.");
                }

                var counters = await db.BoardCounters.ToDictionaryAsync(c => c.Stage, ct);
                foreach (var stage in changes.GroupBy(c => c.Stage))
                {
                    if (!counters.TryGetValue(stage.Key, out var counter))
                    {
                        counter = counters[stage.Key] = db.BoardCounters.Add(new BoardCounter { Stage = stage.Key }).Entity;
                    }

                    counter.Count += stage.Sum(c => c.Delta);
                }

                await db.SaveChangesAsync(ct);
                return changes.Count;
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return 0;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private static void Add(Dictionary<LeadState, int> net, LeadState stage, int delta) => net[stage] = net.GetValueOrDefault(stage) + delta;

    private static List<BoardCountChange> Changes(Dictionary<LeadState, int> net) =>
        net.Where(n => n.Value != 0).OrderBy(n => n.Key).Select(n => new BoardCountChange { Stage = n.Key, Delta = n.Value }).ToList();
}
