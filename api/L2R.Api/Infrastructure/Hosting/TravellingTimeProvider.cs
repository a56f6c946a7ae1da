namespace L2R.Api.Infrastructure.Hosting;

/// <summary>
/// The system clock, except inside <see cref="TravelTo"/>: the demo seeder runs the real commands at past instants
/// so history, time in stage and engagement decay look real. The override flows with the async call, never across requests.
/// </summary>
public sealed class TravellingTimeProvider : TimeProvider
{
    private static readonly AsyncLocal<StrongBox?> Travel = new();

    public override DateTimeOffset GetUtcNow() => Travel.Value?.Now ?? base.GetUtcNow();

    /// <summary>Starts travelling at <paramref name="start"/>; move with <see cref="StrongBox.Now"/>, stop by disposing.</summary>
    public static StrongBox TravelTo(DateTimeOffset start)
    {
        var box = new StrongBox(start);
        Travel.Value = box;
        return box;
    }

    public sealed class StrongBox(DateTimeOffset now) : IDisposable
    {
        public DateTimeOffset Now { get; set; } = now;

        public void Dispose() => Travel.Value = null;
    }
}
