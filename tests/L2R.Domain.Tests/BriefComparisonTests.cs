using L2R.Domain.Reviews;

namespace L2R.Domain.Tests;

public class BriefComparisonTests
{
    private static readonly BriefThresholds Defaults = BriefThresholds.Default;

    [Fact]
    public void Count_ThatDoubled_Rose_ByOneHundredPercent()
    {
        var change = BriefComparison.Compare(PeriodFigure.Count(10), PeriodFigure.Count(20), Defaults);

        Assert.Equal(new SignificantChange(ChangeDirection.Rose, 10, 20, 1.0), change);
    }

    [Fact]
    public void Count_BelowTheMinimumSampleInBothPeriods_IsNoise()
    {
        Assert.Null(BriefComparison.Compare(PeriodFigure.Count(3), PeriodFigure.Count(9), Defaults));
    }

    [Fact]
    public void Count_FromZero_Rose_WithoutAPercentage()
    {
        var change = BriefComparison.Compare(PeriodFigure.Count(0), PeriodFigure.Count(12), Defaults);

        Assert.Equal(new SignificantChange(ChangeDirection.Rose, 0, 12, null), change);
    }

    [Theory]
    [InlineData(50, 60, true)]
    [InlineData(50, 59, false)]
    [InlineData(50, 40, true)]
    [InlineData(50, 41, false)]
    public void Count_IsReported_OnlyFromTheChangePercent(int before, int after, bool reported)
    {
        Assert.Equal(reported, BriefComparison.Compare(PeriodFigure.Count(before), PeriodFigure.Count(after), Defaults) is not null);
    }

    [Fact]
    public void Rate_ThatFell_Fell_ByItsRelativeChange()
    {
        var change = BriefComparison.Compare(PeriodFigure.Rate(16, 20), PeriodFigure.Rate(6, 15), Defaults);

        Assert.NotNull(change);
        Assert.Equal(ChangeDirection.Fell, change.Direction);
        Assert.Equal((0.8, 0.4), (change.Before, change.After));
        Assert.Equal(-0.5, change.RelativeChange!.Value, 9);
    }

    [Fact]
    public void Rate_NeedsTheMinimumSampleInBothPeriods()
    {
        Assert.Null(BriefComparison.Compare(PeriodFigure.Rate(16, 20), PeriodFigure.Rate(1, 9), Defaults));
        Assert.Null(BriefComparison.Compare(PeriodFigure.Rate(0, 0), PeriodFigure.Rate(6, 15), Defaults));
    }

    [Fact]
    public void Thresholds_AreTheTenants()
    {
        var strict = new BriefThresholds(ChangePercent: 60, MinimumSample: 30);

        Assert.Null(BriefComparison.Compare(PeriodFigure.Count(10), PeriodFigure.Count(25), strict));
        Assert.NotNull(BriefComparison.Compare(PeriodFigure.Count(10), PeriodFigure.Count(25), Defaults));
        Assert.Null(BriefComparison.Compare(PeriodFigure.Count(30), PeriodFigure.Count(45), strict));
    }

    [Fact]
    public void ACountIsNeverComparedWithARate()
    {
        Assert.Throws<ArgumentException>(() => BriefComparison.Compare(PeriodFigure.Count(20), PeriodFigure.Rate(10, 20), Defaults));
    }
}
