using System.Diagnostics;

namespace L2R.Bench.Infrastructure;

public sealed record LatencyStats(int Count, double P50Ms, double P95Ms, double P99Ms, double MaxMs, double MeanMs)
{
    public static LatencyStats From(IReadOnlyCollection<double> samplesMs)
    {
        if (samplesMs.Count == 0)
        {
            return new LatencyStats(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var sorted = samplesMs.Order().ToArray();
        return new LatencyStats(sorted.Length, Percentile(sorted, 50), Percentile(sorted, 95), Percentile(sorted, 99), sorted[^1], sorted.Average());
    }

    /// <summary>Nearest rank: the smallest sample at or below which <paramref name="p"/> percent of the samples fall.</summary>
    public static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary><see cref="Completed"/> counts the measured window; <see cref="Total"/> every operation, warm-up included.</summary>
public sealed record LoadResult(int Concurrency, double Seconds, int Completed, int Errors, double PerSecond, LatencyStats Latency, string? FirstError, int Total);

/// <summary>
/// A closed-loop load: <c>concurrency</c> workers each run one operation after another. Throughput is what completed
/// in the measured window, whenever it started (the workers are busy from the warm-up on, so the window sees the steady
/// state); latency is sampled from operations that started and ended in it. Both phases are bounded in time, so a run
/// always ends.
/// </summary>
public static class LoadRunner
{
    public delegate Task Operation(int worker, CancellationToken ct);

    public static async Task<LoadResult> RunAsync(int concurrency, TimeSpan warmup, TimeSpan duration, Operation operation, CancellationToken ct) =>
        (await RunWindowAsync(concurrency, warmup, duration, operation, ct)).ToResult(concurrency, duration);

    /// <summary>
    /// Two loads measured in alternating rounds (A, B, A, B, …), each round with its own short warm-up: a slow spell of
    /// the shared machine then falls on both sides instead of on whichever happened to run during it, which on 2 shared
    /// cores moved a baseline measured after its API run by up to half. Each side's rounds are pooled.
    /// </summary>
    public static async Task<(LoadResult A, LoadResult B)> RunInterleavedAsync(
        int concurrency, TimeSpan warmup, TimeSpan duration, int rounds, Operation a, Operation b, CancellationToken ct)
    {
        var slice = duration / rounds;
        var (ofA, ofB) = (new List<Window>(), new List<Window>());
        for (var round = 0; round < rounds; round++)
        {
            ofA.Add(await RunWindowAsync(concurrency, warmup, slice, a, ct));
            ofB.Add(await RunWindowAsync(concurrency, warmup, slice, b, ct));
        }

        return (Window.Pool(ofA).ToResult(concurrency, duration), Window.Pool(ofB).ToResult(concurrency, duration));
    }

    private sealed record Window(List<double> Samples, int Completed, int Errors, string? FirstError, int Total)
    {
        public static Window Pool(IReadOnlyList<Window> windows) => new(
            windows.SelectMany(w => w.Samples).ToList(), windows.Sum(w => w.Completed), windows.Sum(w => w.Errors),
            windows.Select(w => w.FirstError).FirstOrDefault(e => e is not null), windows.Sum(w => w.Total));

        public LoadResult ToResult(int concurrency, TimeSpan duration) =>
            new(concurrency, duration.TotalSeconds, Completed, Errors, Completed / duration.TotalSeconds, LatencyStats.From(Samples), FirstError, Total);
    }

    private static async Task<Window> RunWindowAsync(int concurrency, TimeSpan warmup, TimeSpan duration, Operation operation, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var measureFrom = warmup.TotalSeconds;
        var measureTo = measureFrom + duration.TotalSeconds;
        var samples = new List<double>[concurrency];
        var errors = new int[concurrency];
        string? firstError = null;
        var total = 0;
        var completed = 0;

        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var mine = samples[worker] = new List<double>(4096);
            while (!ct.IsCancellationRequested)
            {
                var start = clock.Elapsed.TotalSeconds;
                if (start >= measureTo)
                {
                    break;
                }

                var ok = true;
                try
                {
                    await operation(worker, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    ok = false;
                    Interlocked.CompareExchange(ref firstError, e.Message, null);
                }

                var end = clock.Elapsed.TotalSeconds;
                Interlocked.Increment(ref total);
                if (end < measureFrom || end > measureTo)
                {
                    continue;
                }

                if (!ok)
                {
                    errors[worker]++;
                    continue;
                }

                Interlocked.Increment(ref completed);
                if (start >= measureFrom)
                {
                    mine.Add((end - start) * 1000);
                }
            }
        }, ct)).ToArray();
        await Task.WhenAll(workers);
        return new Window(samples.SelectMany(s => s).ToList(), completed, errors.Sum(), firstError, total);
    }

    /// <summary>
    /// Two operations one after another in pairs (A, B, A, B, …), <paramref name="count"/> of each after
    /// <paramref name="warmup"/> unmeasured pairs: each request of one side is measured next to one of the other, so a
    /// slow spell of the shared machine weighs on both alike.
    /// </summary>
    public static async Task<(LatencyStats A, LatencyStats B)> SequentialPairsAsync(
        int warmup, int count, Func<CancellationToken, Task> a, Func<CancellationToken, Task> b, CancellationToken ct)
    {
        for (var i = 0; i < warmup; i++)
        {
            await a(ct);
            await b(ct);
        }

        var (ofA, ofB) = (new List<double>(count), new List<double>(count));
        for (var i = 0; i < count; i++)
        {
            ofA.Add(await TimeAsync(a, ct));
            ofB.Add(await TimeAsync(b, ct));
        }

        return (LatencyStats.From(ofA), LatencyStats.From(ofB));
    }

    private static async Task<double> TimeAsync(Func<CancellationToken, Task> operation, CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        await operation(ct);
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    /// <summary>Runs <paramref name="count"/> operations one after another (after <paramref name="warmup"/> unmeasured ones).</summary>
    public static async Task<LatencyStats> SequentialAsync(int warmup, int count, Func<CancellationToken, Task> operation, CancellationToken ct)
    {
        for (var i = 0; i < warmup; i++)
        {
            await operation(ct);
        }

        var samples = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            samples.Add(await TimeAsync(operation, ct));
        }

        return LatencyStats.From(samples);
    }
}
