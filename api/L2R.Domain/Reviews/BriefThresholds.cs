namespace L2R.Domain.Reviews;

/// <summary>
/// What a brief may call a change: a relative change of at least <see cref="ChangePercent"/> percent, on at least
/// <see cref="MinimumSample"/> leads in each period compared (for a count, on at least that many in the larger period).
/// Below either the difference is noise, and the brief says nothing.
/// </summary>
public sealed record BriefThresholds(int ChangePercent = 20, int MinimumSample = 10)
{
    public static BriefThresholds Default { get; } = new();
}
