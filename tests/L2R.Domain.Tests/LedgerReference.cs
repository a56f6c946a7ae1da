using CsCheck;
using L2R.Domain.Leads;
using L2R.Domain.Metrics;

namespace L2R.Domain.Tests;

/// <summary>One lead's random life: when it was created, then each move as (a pick among the moves its state allows, hours later).</summary>
internal sealed record LeadWalk(int StartHour, (int Pick, int HoursLater)[] Moves);

/// <summary>
/// A reference for the ledger query, written the plain way: histories made by random walks over the state machine's
/// moves, each entry paired with the next row of its lead, and the cells the query would return.
/// </summary>
internal static class LedgerReference
{
    public static readonly DateTime Origin = new(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Leads created over 200 days that make up to 12 moves each, many of them in the same instant (a gap of 0).</summary>
    public static readonly Gen<LeadWalk[]> Histories =
        Gen.Select(
                Gen.Int[0, 24 * 200],
                Gen.Select(Gen.Int[0, 99], Gen.OneOf(Gen.Const(0), Gen.Int[0, 24 * 40])).Array[0, 12],
                (start, moves) => new LeadWalk(start, moves))
            .Array[1, 40];

    /// <summary>Bucket boundaries: a start within the history's span and one to five buckets of an hour to sixty days.</summary>
    public static readonly Gen<DateTime[]> Boundaries =
        Gen.Select(Gen.Int[0, 24 * 240], Gen.Int[1, 24 * 60].Array[1, 5], (start, lengths) =>
        {
            var boundaries = new List<DateTime> { Origin.AddHours(start) };
            foreach (var length in lengths)
            {
                boundaries.Add(boundaries[^1].AddHours(length));
            }

            return boundaries.ToArray();
        });

    public sealed record Entry(Guid LeadId, LeadState Stage, DateTime EnteredAt, int Step, DateTime? LeftAt, LeadTrigger? ExitTrigger, DateTime CreatedAt, decimal Amount);

    public static List<LeadTransition> History(LeadWalk walk, int number)
    {
        var leadId = new Guid(number, 0, 0, new byte[8]);
        var at = Origin.AddHours(walk.StartHour);
        var state = LeadState.Raw;
        var step = 0;
        var rows = new List<LeadTransition> { new() { LeadId = leadId, Kind = HistoryEntryKind.Created, To = state, OccurredAt = at, Step = step } };
        foreach (var (pick, hoursLater) in walk.Moves)
        {
            var options = LeadWorkflow.Definitions.Where(d => d.From.Contains(state)).ToList();
            if (options.Count == 0)
            {
                break;
            }

            var move = options[pick % options.Count];
            step = hoursLater == 0 ? step + 1 : 0;
            at = at.AddHours(hoursLater);
            rows.Add(new LeadTransition { LeadId = leadId, From = state, To = move.To, Trigger = move.Trigger, OccurredAt = at, Step = step });
            state = move.To;
        }

        return rows;
    }

    public static List<Entry> Entries(IEnumerable<LeadWalk> walks) =>
        walks.SelectMany((walk, i) =>
        {
            var rows = History(walk, i).OrderBy(r => r.OccurredAt).ThenBy(r => r.Step).ToList();
            var amount = 1000m * (i + 1);
            return rows.Select((row, n) => new Entry(
                row.LeadId, row.To, row.OccurredAt, row.Step, n + 1 < rows.Count ? rows[n + 1].OccurredAt : null,
                n + 1 < rows.Count ? rows[n + 1].Trigger : null, rows[0].OccurredAt, amount));
        }).ToList();

    /// <summary>What the ledger query returns for these entries over buckets [b0, b1), [b1, b2)…, ungrouped (key "all").</summary>
    public static List<LedgerCell> Cells(IEnumerable<Entry> entries, WaterfallMode mode, DateTime[] boundaries)
    {
        var end = boundaries[^1];
        int Bucket(DateTime at) => at < boundaries[0] ? -1 : Enumerable.Range(0, boundaries.Length - 1).Last(b => at >= boundaries[b]);

        var positioned = entries
            .Where(e => WaterfallStages.IsRow(e.Stage))
            .Where(e => mode == WaterfallMode.Period ? e.EnteredAt < end : e.CreatedAt >= boundaries[0] && e.CreatedAt < end)
            .Select(e =>
            {
                var leftAt = mode == WaterfallMode.Period && e.LeftAt >= end ? null : e.LeftAt;
                var enteredIn = Bucket(mode == WaterfallMode.Period ? e.EnteredAt : e.CreatedAt);
                int? leftIn = leftAt is null ? null : mode == WaterfallMode.Period ? Bucket(leftAt.Value) : enteredIn;
                int? hours = leftAt is null ? null : (int)Math.Floor((leftAt.Value - e.EnteredAt).TotalHours);
                return (Entry: e, EnteredIn: enteredIn, LeftIn: leftIn, Hours: hours, ExitTrigger: leftAt is null ? null : e.ExitTrigger);
            })
            .ToList();
        var firstVisits = positioned
            .GroupBy(p => (p.Entry.LeadId, p.Entry.Stage, p.EnteredIn))
            .Select(g => g.OrderBy(p => p.Entry.EnteredAt).ThenBy(p => p.Entry.Step).First().Entry)
            .ToHashSet();
        return positioned
            .GroupBy(p => (p.Entry.Stage, p.EnteredIn, p.LeftIn, p.ExitTrigger, p.Hours, First: firstVisits.Contains(p.Entry)))
            .Select(g => new LedgerCell("all", g.Key.Stage, g.Key.EnteredIn, g.Key.LeftIn, g.Key.ExitTrigger, g.Key.Hours, g.Key.First, g.Count(),
                g.Key.Stage == LeadState.Opportunity ? g.Sum(p => p.Entry.Amount) : 0))
            .ToList();
    }
}
