using CsCheck;
using L2R.Domain.Leads;
using L2R.Domain.Metrics;

namespace L2R.Domain.Tests;

public sealed class WaterfallTests
{
    private static readonly Gen<(LeadWalk[] Walks, DateTime[] Boundaries)> Scenarios = Gen.Select(LedgerReference.Histories, LedgerReference.Boundaries);

    [Fact]
    public void EveryStage_AddsUp_InBothModes_OnRandomHistories() =>
        Scenarios.Sample(scenario =>
        {
            var entries = LedgerReference.Entries(scenario.Walks);
            foreach (var mode in Enum.GetValues<WaterfallMode>())
            {
                var cells = LedgerReference.Cells(entries, mode, scenario.Boundaries);
                for (var bucket = 0; bucket < scenario.Boundaries.Length - 1; bucket++)
                {
                    foreach (var figures in Waterfall.Stages(mode, bucket, cells))
                    {
                        Assert.Equal(figures.Opening + figures.Entered, figures.Left + figures.StillIn);
                        if (mode == WaterfallMode.Cohort)
                        {
                            Assert.Equal(0, figures.Opening);
                        }
                    }
                }
            }
        });

    [Fact]
    public void EveryNumber_EqualsAPlainCountOfTheEntriesByTheirTimes() =>
        Scenarios.Sample(scenario =>
        {
            var entries = LedgerReference.Entries(scenario.Walks);
            var boundaries = scenario.Boundaries;
            var end = boundaries[^1];
            for (var bucket = 0; bucket < boundaries.Length - 1; bucket++)
            {
                var (from, to) = (boundaries[bucket], boundaries[bucket + 1]);
                var period = Waterfall.Stages(WaterfallMode.Period, bucket, LedgerReference.Cells(entries, WaterfallMode.Period, boundaries));
                var cohort = Waterfall.Stages(WaterfallMode.Cohort, bucket, LedgerReference.Cells(entries, WaterfallMode.Cohort, boundaries));
                foreach (var stage in WaterfallStages.Rows)
                {
                    var ofStage = entries.Where(e => e.Stage == stage).ToList();
                    DateTime? LeftBeforeEnd(LedgerReference.Entry e) => e.LeftAt < end ? e.LeftAt : null;
                    var p = period.Single(f => f.Stage == stage);
                    Assert.Equal(ofStage.Count(e => e.EnteredAt < from && !(LeftBeforeEnd(e) < from)), p.Opening);
                    Assert.Equal(ofStage.Count(e => e.EnteredAt >= from && e.EnteredAt < to), p.Entered);
                    Assert.Equal(ofStage.Where(e => e.EnteredAt >= from && e.EnteredAt < to).Select(e => e.LeadId).Distinct().Count(), p.DistinctLeads);
                    Assert.Equal(ofStage.Count(e => e.EnteredAt < to && !(LeftBeforeEnd(e) < to)), p.StillIn);
                    var inCohort = ofStage.Where(e => e.CreatedAt >= from && e.CreatedAt < to).ToList();
                    var c = cohort.Single(f => f.Stage == stage);
                    Assert.Equal(inCohort.Count, c.Entered);
                    Assert.Equal(inCohort.Select(e => e.LeadId).Distinct().Count(), c.DistinctLeads);
                    Assert.Equal(inCohort.Count(e => e.LeftAt is null), c.StillIn);
                    foreach (var outcome in Enum.GetValues<StageOutcome>())
                    {
                        bool Ends(LedgerReference.Entry e) => e.ExitTrigger is { } t && WaterfallStages.OutcomeOf(t) == outcome;
                        Assert.Equal(ofStage.Count(e => e.LeftAt >= from && e.LeftAt < to && e.LeftAt < end && Ends(e)), p.Outcome(outcome));
                        Assert.Equal(inCohort.Count(e => e.LeftAt is not null && Ends(e)), c.Outcome(outcome));
                    }
                }
            }
        });

    [Fact]
    public void Velocity_IsTheMedianAndP90OfTheWholeHoursOfEntriesThatLeft() =>
        Scenarios.Sample(scenario =>
        {
            var entries = LedgerReference.Entries(scenario.Walks);
            var (from, to) = (scenario.Boundaries[0], scenario.Boundaries[1]);
            var figures = Waterfall.Stages(WaterfallMode.Period, 0, LedgerReference.Cells(entries, WaterfallMode.Period, scenario.Boundaries));
            foreach (var stage in WaterfallStages.Rows)
            {
                var days = entries
                    .Where(e => e.Stage == stage && e.LeftAt >= from && e.LeftAt < to && e.LeftAt < scenario.Boundaries[^1])
                    .Select(e => Math.Floor((e.LeftAt!.Value - e.EnteredAt).TotalHours) / 24)
                    .ToList();
                var f = figures.Single(x => x.Stage == stage);
                AssertClose(ReferencePercentile(days, 0.5), f.MedianDaysInStage);
                AssertClose(ReferencePercentile(days, 0.9), f.P90DaysInStage);
            }
        });

    [Fact]
    public void Percentile_EqualsInterpolatingBetweenTheNearestRanksOfTheSortedValues() =>
        Gen.Select(Gen.Select(Gen.Int[0, 500], Gen.Int[0, 5]).Array[0, 30], Gen.Double[0, 1]).Sample(t =>
        {
            var (histogram, fraction) = t;
            var values = histogram.SelectMany(h => Enumerable.Repeat((double)h.Item1, h.Item2)).ToList();
            AssertClose(ReferencePercentile(values, fraction), Percentile.Of(histogram, fraction));
        });

    [Fact]
    public void Percentile_OfAnEvenCount_IsTheMeanOfTheMiddleTwo_AndOfNothingIsNull()
    {
        Assert.Equal(2.5, Percentile.Of([(1, 1), (2, 1), (3, 1), (4, 1)], 0.5));
        Assert.Equal(3.7, Percentile.Of([(1, 1), (2, 1), (3, 1), (4, 1)], 0.9)!.Value, 10);
        Assert.Null(Percentile.Of([], 0.5));
        Assert.Null(Percentile.Of([(7, 0)], 0.9));
    }

    [Fact]
    public void Rates_FollowTheirFormulas_AndAreNullWhereTheyDoNotApplyOrNothingWasDecided()
    {
        LedgerCell Cell(LeadState stage, int? leftIn, LeadTrigger? exit, int entries, decimal amount = 0) =>
            new("all", stage, 0, leftIn, exit, leftIn is null ? null : 24, true, entries, amount);
        var cells = new List<LedgerCell>
        {
            Cell(LeadState.MQL, 0, LeadTrigger.Accept, 6),
            Cell(LeadState.MQL, 0, LeadTrigger.Reject, 3),
            Cell(LeadState.MQL, null, null, 1),
            Cell(LeadState.Opportunity, 0, LeadTrigger.Win, 2, 30_000),
            Cell(LeadState.Opportunity, 0, LeadTrigger.Lose, 6, 90_000),
        };

        var stages = Waterfall.Stages(WaterfallMode.Cohort, 0, cells).ToDictionary(s => s.Stage);

        var mql = stages[LeadState.MQL];
        Assert.Equal((10, 6, 3, 1), (mql.Entered, mql.Advanced, mql.Rejected, mql.StillIn));
        Assert.Equal((0.6, 6 / 9.0, 3 / 9.0), (mql.ConversionRate, mql.AcceptanceRate, mql.RejectRate));
        Assert.Null(mql.WinRate);
        Assert.Null(mql.PipelineAmount);
        var opportunity = stages[LeadState.Opportunity];
        Assert.Equal((0.25, 0.25, 120_000m, 30_000m), (opportunity.ConversionRate, opportunity.WinRate, opportunity.PipelineAmount, opportunity.WonAmount));
        Assert.Null(opportunity.AcceptanceRate);
        var sql = stages[LeadState.SQL];
        Assert.Equal((0, (double?)null, (double?)null, (double?)null), (sql.Entered, sql.ConversionRate, sql.MedianDaysInStage, sql.P90DaysInStage));
        Assert.Equal(1.0, mql.MedianDaysInStage);
    }

    [Fact]
    public void ALeadBackInAStageAfterRecycling_CountsAsTwoEntries_AndOneDistinctLead()
    {
        var walk = new LeadWalk(0, [(0, 1), (0, 1), (0, 1), (1, 1), (0, 400), (0, 1)]);
        var history = LedgerReference.History(walk, 0);
        Assert.Equal(
            [LeadState.Raw, LeadState.Scored, LeadState.MQL, LeadState.SalesAccepted, LeadState.Nurture, LeadState.Scored, LeadState.MQL],
            history.Select(h => h.To).Take(7));
        var boundaries = new[] { LedgerReference.Origin, LedgerReference.Origin.AddDays(60) };

        var scored = Waterfall.Stages(WaterfallMode.Period, 0, LedgerReference.Cells(LedgerReference.Entries([walk]), WaterfallMode.Period, boundaries))
            .Single(s => s.Stage == LeadState.Scored);

        Assert.Equal((2, 1, 2), (scored.Entered, scored.DistinctLeads, scored.Advanced));
    }

    private static double? ReferencePercentile(List<double> values, double fraction)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var rank = fraction * (sorted.Count - 1);
        var lower = (int)Math.Floor(rank);
        var upper = (int)Math.Ceiling(rank);
        return sorted[lower] + ((rank - lower) * (sorted[upper] - sorted[lower]));
    }

    private static void AssertClose(double? expected, double? actual)
    {
        Assert.Equal(expected is null, actual is null);
        if (expected is { } e)
        {
            Assert.Equal(e, actual!.Value, 9);
        }
    }
}
