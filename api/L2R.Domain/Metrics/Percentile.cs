namespace L2R.Domain.Metrics;

/// <summary>
/// Percentiles of a histogram by linear interpolation between the two nearest ranks (PostgreSQL's percentile_cont,
/// Excel's PERCENTILE.INC): the median of an even count is the mean of the two middle values.
/// </summary>
public static class Percentile
{
    public static double? Of(IEnumerable<(int Value, int Count)> histogram, double fraction)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fraction, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fraction, 1);
        var sorted = histogram.Where(h => h.Count > 0).GroupBy(h => h.Value, h => h.Count).Select(g => (Value: g.Key, Count: g.Sum())).OrderBy(h => h.Value).ToList();
        var total = sorted.Sum(h => (long)h.Count);
        if (total == 0)
        {
            return null;
        }

        var rank = fraction * (total - 1);
        var below = (long)Math.Floor(rank);
        var lower = ValueAt(sorted, below);
        var upper = ValueAt(sorted, Math.Min(below + 1, total - 1));
        return lower + ((rank - below) * (upper - lower));
    }

    /// <summary>The same interpolation over plain values, in any order.</summary>
    public static double? OfValues(IEnumerable<double> values, double fraction)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fraction, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fraction, 1);
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = fraction * (sorted.Count - 1);
        var below = (int)Math.Floor(rank);
        var upper = sorted[Math.Min(below + 1, sorted.Count - 1)];
        return sorted[below] + ((rank - below) * (upper - sorted[below]));
    }

    /// <summary>The value at a zero-based position of the histogram spelt out in order.</summary>
    private static double ValueAt(List<(int Value, int Count)> sorted, long position)
    {
        foreach (var (value, count) in sorted)
        {
            if (position < count)
            {
                return value;
            }

            position -= count;
        }

        throw new ArgumentOutOfRangeException(nameof(position));
    }
}
