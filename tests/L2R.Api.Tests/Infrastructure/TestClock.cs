namespace L2R.Api.Tests.Infrastructure;

/// <summary>
/// The API's clock in tests: the system time until a test travels. The demo's travelling clock is not registered
/// outside the demo, so tests bring their own; one per factory, whose tests run one at a time.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private Travel? _travel;

    public override DateTimeOffset GetUtcNow() => Volatile.Read(ref _travel)?.Now ?? base.GetUtcNow();

    /// <summary>Starts at <paramref name="start"/>; move with <see cref="Travel.Now"/>, come back by disposing.</summary>
    public Travel TravelTo(DateTimeOffset start)
    {
        var travel = new Travel(this, start);
        Volatile.Write(ref _travel, travel);
        return travel;
    }

    public sealed class Travel(TestClock clock, DateTimeOffset start) : IDisposable
    {
        public DateTimeOffset Now { get; set; } = start;

        public void Dispose() => Volatile.Write(ref clock._travel, null);
    }
}
