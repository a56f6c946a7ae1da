namespace L2R.Domain.Reviews;

/// <summary>
/// One number of a period as a brief compares it: a count (reasons given, entries), whose sample is the count itself,
/// or a rate (<see cref="Part"/> of <see cref="Whole"/>), whose sample is the whole it was measured on.
/// </summary>
public sealed record PeriodFigure(int Part, int? Whole = null)
{
    public static PeriodFigure Count(int count) => new(count);

    public static PeriodFigure Rate(int part, int whole) => new(part, whole);

    public bool IsRate => Whole is not null;

    /// <summary>The count, or the rate (null when nothing was measured).</summary>
    public double? Value => Whole is { } whole ? whole == 0 ? null : (double)Part / whole : Part;

    public int Sample => Whole ?? Part;
}

public enum ChangeDirection
{
    Rose,
    Fell,
}

/// <summary>A change worth reporting: which way, and by how much relative to the earlier period (null when it started from zero).</summary>
public sealed record SignificantChange(ChangeDirection Direction, double Before, double After, double? RelativeChange);

/// <summary>The one rule for "grew", "rose" and "slipped" in a brief, so it never reports noise.</summary>
public static class BriefComparison
{
    /// <summary>
    /// The change from <paramref name="before"/> to <paramref name="after"/> when it passes the thresholds, else null.
    /// A rate needs the minimum sample in both periods; a count needs it in the larger one, and a count that appears from
    /// zero rose (there is no percentage to quote).
    /// </summary>
    public static SignificantChange? Compare(PeriodFigure before, PeriodFigure after, BriefThresholds thresholds)
    {
        if (before.IsRate != after.IsRate)
        {
            throw new ArgumentException("A count is compared with a count, a rate with a rate.", nameof(after));
        }

        var enough = before.IsRate
            ? before.Sample >= thresholds.MinimumSample && after.Sample >= thresholds.MinimumSample
            : Math.Max(before.Sample, after.Sample) >= thresholds.MinimumSample;
        if (!enough || before.Value is not { } was || after.Value is not { } now || was == now)
        {
            return null;
        }

        var direction = now > was ? ChangeDirection.Rose : ChangeDirection.Fell;
        if (was == 0)
        {
            return new SignificantChange(direction, was, now, null);
        }

        var relative = (now - was) / was;
        return Math.Abs(relative) * 100 >= thresholds.ChangePercent - 1e-9 ? new SignificantChange(direction, was, now, relative) : null;
    }
}
