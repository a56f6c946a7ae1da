using L2R.Domain.Common;

namespace L2R.Domain.Metrics;

/// <summary>
/// One episode of a drift alarm: opened when the live version's measure crosses its threshold, ended when it is back
/// within bounds. <see cref="Episode"/> numbers the episodes of one version and measure, so the database refuses a
/// second alert for the same crossing when two checks race.
/// </summary>
public sealed class DriftAlert : ITenantOwned
{
    private DriftAlert()
    {
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public int AgreementVersion { get; private set; }
    public DriftMeasure Measure { get; private set; }
    public int Episode { get; private set; }
    public double Threshold { get; private set; }
    public double Value { get; private set; }
    public int Accepted { get; private set; }
    public int Rejected { get; private set; }
    public DateTime StartedAt { get; private set; }
    public DateTime? EndedAt { get; private set; }

    public static DriftAlert Open(DriftReading reading, int agreementVersion, int episode, DateTime now) => new()
    {
        AgreementVersion = agreementVersion,
        Measure = reading.Measure,
        Episode = episode,
        Threshold = reading.Threshold,
        Value = reading.Value ?? throw new ArgumentException("An alarm without a value cannot have crossed.", nameof(reading)),
        Accepted = reading.Accepted,
        Rejected = reading.Rejected,
        StartedAt = now,
    };

    public void End(DateTime now) => EndedAt ??= now;
}
