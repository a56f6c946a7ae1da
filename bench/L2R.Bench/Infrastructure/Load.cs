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
/// A closed-loop load: <c>concurrency</c> workers each run one operation after another. Operations that start during
/// the warm-up are not counted; those that start in the measured window are, and throughput is what completed in it.
/// Both phases are bounded in time, so a run always ends.
/// </summary>
public static class LoadRunner
{
    public delegate Task Operation(int worker, CancellationToken ct);

    public static async Task<LoadResult> RunAsync(int concurrency, TimeSpan warmup, TimeSpan duration, Operation operation, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var measureFrom = warmup.TotalSeconds;
        var measureTo = measureFrom + duration.TotalSeconds;
        var samples = new List<double>[concurrency];
        var errors = new int[concurrency];
        string? firstError = null;
        var total = 0;

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
                if (start >= measureFrom && end <= measureTo)
                {
                    if (ok)
                    {
                        mine.Add((end - start) * 1000);
                    }
                    else
                    {
                        errors[worker]++;
                    }
                }
            }
        }, ct)).ToArray();
        await Task.WhenAll(workers);

        var all = samples.SelectMany(s => s).ToList();
        var errorCount = errors.Sum();
        return new LoadResult(concurrency, duration.TotalSeconds, all.Count, errorCount, all.Count / duration.TotalSeconds, LatencyStats.From(all), firstError, total);
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
            var start = Stopwatch.GetTimestamp();
            await operation(ct);
            samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return LatencyStats.From(samples);
    }
}
