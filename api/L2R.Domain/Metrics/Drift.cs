using L2R.Domain.Agreements;

namespace L2R.Domain.Metrics;

public enum DriftMeasure
{
    /// <summary>accepted ÷ (accepted + rejected), alarmed below <see cref="DriftAlarms.MqlAcceptanceFloor"/>.</summary>
    MqlAcceptanceRate,

    /// <summary>rejected ÷ (accepted + rejected), alarmed above <see cref="DriftAlarms.RejectRateCeiling"/>.</summary>
    RejectRate,
}

/// <summary>
/// One alarm read against the decisions of the window: its value (null with no decision), and whether it crossed its
/// threshold, which it can only do on at least the minimum sample.
/// </summary>
public sealed record DriftReading(DriftMeasure Measure, double Threshold, double? Value, int Accepted, int Rejected, int MinimumSample)
{
    public int Sample => Accepted + Rejected;

    public bool Sufficient => Sample >= MinimumSample;

    public bool Crossed => Sufficient && Value is { } value && (Measure == DriftMeasure.MqlAcceptanceRate ? value < Threshold : value > Threshold);
}

/// <summary>What to record after a check: alerts to open (one per crossing) and open alerts whose episode is over.</summary>
public sealed record DriftPlan(IReadOnlyList<DriftReading> Open, IReadOnlyList<DriftAlert> End);

public static class DriftCheck
{
    /// <summary>Each alarm the agreement sets, read against the accepted and rejected MQLs of its window.</summary>
    public static IReadOnlyList<DriftReading> Read(DriftAlarms alarms, int accepted, int rejected)
    {
        var sample = accepted + rejected;
        var readings = new List<DriftReading>();
        if (alarms.MqlAcceptanceFloor is { } floor)
        {
            readings.Add(new(DriftMeasure.MqlAcceptanceRate, floor, sample == 0 ? null : (double)accepted / sample, accepted, rejected, alarms.MinimumSample));
        }

        if (alarms.RejectRateCeiling is { } ceiling)
        {
            readings.Add(new(DriftMeasure.RejectRate, ceiling, sample == 0 ? null : (double)rejected / sample, accepted, rejected, alarms.MinimumSample));
        }

        return readings;
    }

    /// <summary>
    /// Once per episode: a crossing opens an alert only when none is open for its measure, and an open alert ends when
    /// its measure is back within bounds on a sufficient sample, when its alarm is no longer set, or when its version is
    /// no longer the live one. Too few decisions to judge leave every alert as it is.
    /// </summary>
    public static DriftPlan Plan(IReadOnlyList<DriftReading> readings, IReadOnlyList<DriftAlert> open, int liveVersion)
    {
        var live = open.Where(a => a.AgreementVersion == liveVersion).ToList();
        var toOpen = readings.Where(r => r.Crossed && live.All(a => a.Measure != r.Measure)).ToList();
        var toEnd = open.Where(a => a.AgreementVersion != liveVersion).ToList();
        foreach (var alert in live)
        {
            var reading = readings.FirstOrDefault(r => r.Measure == alert.Measure);
            if (reading is null || (reading.Sufficient && !reading.Crossed))
            {
                toEnd.Add(alert);
            }
        }

        return new DriftPlan(toOpen, toEnd);
    }
}
