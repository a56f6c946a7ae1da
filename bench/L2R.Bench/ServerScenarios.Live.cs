using L2R.Bench.Infrastructure;
using L2R.Bench.Reporting;
using L2R.Bench.Scenarios;

namespace L2R.Bench;

internal static partial class ServerScenarios
{
    /// <summary>S10: commit → push on another board with three instances behind nginx, against Redis' own round trip.</summary>
    private static async Task LiveBoard(BenchOptions options, Report report, TextWriter log, string publishDir, string apiConnection, string signingKey, CancellationToken ct)
    {
        log.WriteLine("S10 live board: three instances on one PostgreSQL and one redis-server, behind nginx ...");
        await using var live = await LiveBoardBench.StartAsync(publishDir, apiConnection, signingKey, options.Output, log, ct);
        var pushes = LatencyStats.From([.. await live.MeasurePushesAsync(options.LiveMoves, log, ct)]);
        var redis = LatencyStats.From([.. await live.MeasureRedisAsync(Math.Max(options.LiveMoves, 200), ct)]);
        log.WriteLine($"    push p50 {pushes.P50Ms:0.0} ms, p95 {pushes.P95Ms:0.0} ms; Redis PUBLISH → SUBSCRIBE p50 {redis.P50Ms:0.00} ms, p95 {redis.P95Ms:0.00} ms");
        report.Add(new Figure("S10", $"commit → push on another board, p95, 3 instances ({options.LiveMoves} moves)", pushes.P95Ms, "ms", redis.P95Ms,
            pushes.P95Ms / redis.P95Ms, "≤ 250 ms", pushes.P95Ms <= 250));
        report.Add(new Figure("S10", "commit → push on another board, p50", pushes.P50Ms, "ms", redis.P50Ms, pushes.P50Ms / redis.P50Ms));
        report.Details["s10"] = new System.Text.Json.Nodes.JsonObject
        {
            ["moves"] = options.LiveMoves,
            ["pushP50Ms"] = pushes.P50Ms,
            ["pushP95Ms"] = pushes.P95Ms,
            ["pushMaxMs"] = pushes.MaxMs,
            ["redisP50Ms"] = redis.P50Ms,
            ["redisP95Ms"] = redis.P95Ms,
        };
    }
}
