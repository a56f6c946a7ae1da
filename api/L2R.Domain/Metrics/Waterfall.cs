using L2R.Domain.Leads;

namespace L2R.Domain.Metrics;

/// <summary>
/// One stage of the waterfall for one group and one bucket. Every entry counted in <see cref="Opening"/> or
/// <see cref="Entered"/> is counted once more, in exactly one outcome or in <see cref="StillIn"/>:
/// cohort mode: entered = advanced + rejected + recycled + disqualified + lost + won + stillIn (opening is 0);
/// period mode: opening + entered = the same sum.
/// </summary>
public sealed record StageFigures(
    LeadState Stage,
    int Opening,
    int Entered,
    int DistinctLeads,
    int Advanced,
    int Rejected,
    int Recycled,
    int Disqualified,
    int Lost,
    int Won,
    int StillIn,
    double? ConversionRate,
    double? AcceptanceRate,
    double? RejectRate,
    double? WinRate,
    double? MedianDaysInStage,
    double? P90DaysInStage,
    decimal? PipelineAmount,
    decimal? WonAmount)
{
    public int Left => Advanced + Rejected + Recycled + Disqualified + Lost + Won;

    public int Outcome(StageOutcome outcome) => outcome switch
    {
        StageOutcome.Advanced => Advanced,
        StageOutcome.Rejected => Rejected,
        StageOutcome.Recycled => Recycled,
        StageOutcome.Disqualified => Disqualified,
        StageOutcome.Lost => Lost,
        _ => Won,
    };
}

public sealed record WaterfallGroup(string Key, IReadOnlyList<StageFigures> Stages);

/// <summary>
/// The waterfall's arithmetic over ledger cells: which entries a bucket counts as opening, entered, ended (by outcome)
/// and still in, the rates between them and the velocity of the entries that left. Cells come from the history alone.
/// </summary>
public static class Waterfall
{
    private const double HoursPerDay = 24;

    /// <summary>The waterfall of every group key among the cells, each with all its rows, in key order.</summary>
    public static IReadOnlyList<WaterfallGroup> Compute(WaterfallMode mode, int bucket, IEnumerable<LedgerCell> cells) =>
        cells.GroupBy(c => c.Key)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new WaterfallGroup(g.Key, Stages(mode, bucket, g.ToList())))
            .ToList();

    /// <summary>Every row of the waterfall from one group's cells, in the order of <see cref="WaterfallStages.Rows"/>.</summary>
    public static IReadOnlyList<StageFigures> Stages(WaterfallMode mode, int bucket, IReadOnlyList<LedgerCell> cells) =>
        WaterfallStages.Rows.Select(stage => Figures(mode, bucket, stage, cells.Where(c => c.Stage == stage).ToList())).ToList();

    /// <summary>Whether an entry was already in its stage when the bucket began (period mode only: a cohort starts empty).</summary>
    public static bool IsOpening(WaterfallMode mode, int bucket, LedgerCell cell) =>
        mode == WaterfallMode.Period && cell.EnteredIn < bucket && (cell.LeftIn is null || cell.LeftIn >= bucket);

    public static bool IsEntered(int bucket, LedgerCell cell) => cell.EnteredIn == bucket;

    /// <summary>Whether the entry ended within the bucket (in cohort mode: ended at all, for the bucket's cohort).</summary>
    public static bool IsLeft(int bucket, LedgerCell cell) => cell.LeftIn == bucket;

    public static bool IsStillIn(WaterfallMode mode, int bucket, LedgerCell cell) =>
        mode == WaterfallMode.Period
            ? cell.EnteredIn <= bucket && (cell.LeftIn is null || cell.LeftIn > bucket)
            : cell.EnteredIn == bucket && cell.LeftIn is null;

    public static StageFigures Figures(WaterfallMode mode, int bucket, LeadState stage, IReadOnlyList<LedgerCell> cells)
    {
        var left = cells.Where(c => IsLeft(bucket, c)).ToList();
        int Count(StageOutcome outcome) => left.Where(c => c.ExitTrigger is { } t && WaterfallStages.OutcomeOf(t) == outcome).Sum(c => c.Entries);

        var opening = cells.Where(c => IsOpening(mode, bucket, c)).Sum(c => c.Entries);
        var entered = cells.Where(c => IsEntered(bucket, c)).Sum(c => c.Entries);
        var advanced = Count(StageOutcome.Advanced);
        var rejected = Count(StageOutcome.Rejected);
        var lost = Count(StageOutcome.Lost);
        var won = Count(StageOutcome.Won);
        var isOpportunity = stage == LeadState.Opportunity;
        var durations = left.Where(c => c.HoursInStage is not null).Select(c => (c.HoursInStage!.Value, c.Entries)).ToList();
        return new StageFigures(
            stage,
            opening,
            entered,
            DistinctLeads: cells.Where(c => IsEntered(bucket, c) && c.FirstVisit).Sum(c => c.Entries),
            advanced,
            rejected,
            Recycled: Count(StageOutcome.Recycled),
            Disqualified: Count(StageOutcome.Disqualified),
            lost,
            won,
            StillIn: cells.Where(c => IsStillIn(mode, bucket, c)).Sum(c => c.Entries),
            ConversionRate: Rate(isOpportunity ? won : advanced, opening + entered),
            AcceptanceRate: stage == LeadState.MQL ? Rate(advanced, advanced + rejected) : null,
            RejectRate: stage == LeadState.MQL ? Rate(rejected, advanced + rejected) : null,
            WinRate: isOpportunity ? Rate(won, won + lost) : null,
            MedianDaysInStage: Percentile.Of(durations, 0.5) / HoursPerDay,
            P90DaysInStage: Percentile.Of(durations, 0.9) / HoursPerDay,
            PipelineAmount: isOpportunity ? cells.Where(c => IsEntered(bucket, c)).Sum(c => c.Amount) : null,
            WonAmount: isOpportunity ? left.Where(c => c.ExitTrigger == LeadTrigger.Win).Sum(c => c.Amount) : null);
    }

    private static double? Rate(int part, int whole) => whole == 0 ? null : (double)part / whole;
}
