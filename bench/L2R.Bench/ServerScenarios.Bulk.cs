using System.Diagnostics;
using System.Text.Json.Nodes;
using L2R.Bench.Infrastructure;
using L2R.Bench.Reporting;
using L2R.Bench.Scenarios;
using Npgsql;

namespace L2R.Bench;

/// <summary>S7 (the metrics waterfall), S8 (CSV import) and S9 (CSV export): the tenant-sized reads and writes of issues 9 and 12.</summary>
internal static partial class ServerScenarios
{
    private const int WaterfallWarmUp = 2;

    /// <summary>
    /// S7: each waterfall request (cohort, period, cohort by source) timed through HTTP and, raw, as the statements the
    /// API sent for it (captured from PostgreSQL's log once per request, after warm-up), both sequential.
    /// </summary>
    private static async Task Waterfalls(BenchOptions options, Report report, TextWriter log, MetricsBench bench, ThrowawayPostgres postgres, StatementStats stats, CancellationToken ct)
    {
        const int probe = 2;
        var label = $"{bench.Leads:N0} leads, {bench.Transitions:N0} history rows";
        var asks = new JsonArray();
        var captures = new System.Text.StringBuilder();
        var explain = new List<(string, CapturedStatement)>();
        foreach (var ask in bench.Asks)
        {
            log.WriteLine($"  S7 waterfall, {ask.Name}: {options.MetricsRequests} requests via the API, then raw ...");
            for (var i = 0; i < WaterfallWarmUp; i++)
            {
                await bench.GetWaterfallAsync(ask, ct);
            }

            var captured = await postgres.CaptureStatementsAsync("l2r-api", () => bench.GetWaterfallAsync(ask, ct), ct);
            captures.AppendLine($"-- {ask.Name}: GET /api/metrics/waterfall?{ask.Query}").AppendLine(captured).AppendLine();
            var statements = CapturedStatements.Parse(captured, bench.Tenant.TenantId);

            // Once before counting, so the raw connection's first-use queries (server version, types) are not counted.
            await bench.ReplayAsync(statements, ct);
            explain.Add(($"{ask.Name}, {label}", statements.MaxBy(s => s.Sql.Length)!));

            stats.Reset();
            for (var i = 0; i < probe; i++)
            {
                await bench.GetWaterfallAsync(ask, ct);
            }

            var viaApi = stats.Read(ThrowawayPostgres.ApiRole);
            stats.Reset();
            for (var i = 0; i < probe; i++)
            {
                await bench.ReplayAsync(statements, ct);
            }

            // The API's role also runs the background jobs meanwhile: the check is that the API sent each replayed statement as often.
            var raw = stats.Read(ThrowawayPostgres.RawRole);
            var same = StatementStats.Holds(viaApi, raw);
            if (!same)
            {
                log.WriteLine("  WARNING: the raw waterfall replay did not send the API's statements: compare details.s7 in results.json with s7-waterfall-statements.log.");
            }

            var apiLatency = await LoadRunner.SequentialAsync(0, options.MetricsRequests, token => bench.GetWaterfallAsync(ask, token), ct);
            var rawLatency = await LoadRunner.SequentialAsync(WaterfallWarmUp, options.MetricsRequests, token => bench.ReplayAsync(statements, token), ct);
            var ratio = apiLatency.P95Ms / rawLatency.P95Ms;
            report.Add(new Figure("S7", $"GET /api/metrics/waterfall p95, {ask.Name}, {label}", apiLatency.P95Ms, "ms", rawLatency.P95Ms, ratio,
                "≤ 300 ms, ≤ 1.5× baseline", apiLatency.P95Ms <= 300 && ratio <= 1.5));
            report.Add(new Figure("S7", $"GET /api/metrics/waterfall p50, {ask.Name}", apiLatency.P50Ms, "ms", rawLatency.P50Ms, apiLatency.P50Ms / rawLatency.P50Ms));
            var sent = viaApi.Where(a => raw.Any(r => r.QueryId == a.QueryId) && StatementStats.IsQuery(a)).ToList();
            raw = raw.Where(StatementStats.IsQuery).ToList();
            report.Add(new Figure("S7", $"SQL statements per waterfall, {ask.Name}", Calls(sent) / probe, "",
                Calls(raw) / probe, Calls(sent) / Calls(raw), "baseline sends the same", same));
            asks.Add(new JsonObject
            {
                ["name"] = ask.Name,
                ["query"] = ask.Query,
                ["api"] = Latency(apiLatency),
                ["raw"] = Latency(rawLatency),
                ["statements"] = new JsonObject { ["sameAsApi"] = same, ["api"] = Statements(viaApi, probe), ["raw"] = Statements(raw, probe) },
            });
            log.WriteLine($"    API p95 {apiLatency.P95Ms:0.0} ms, raw p95 {rawLatency.P95Ms:0.0} ms");
        }

        await File.WriteAllTextAsync(Path.Combine(options.Output, "s7-waterfall-statements.log"), captures.ToString(), ct);
        var plans = await bench.ExplainAsync(explain, ct);
        await File.WriteAllTextAsync(Path.Combine(options.Output, "s7-explain.txt"), plans, ct);
        report.Details["s7"] = new JsonObject
        {
            ["tenant"] = bench.Tenant.Slug,
            ["leads"] = bench.Leads,
            ["historyRows"] = bench.Transitions,
            ["requests"] = options.MetricsRequests,
            ["asks"] = asks,
        };
    }

    /// <summary>
    /// S9: the whole tenant exported through HTTP to its last byte (median of three), the API's RSS sampled meanwhile;
    /// raw, the statements the export sent (captured from the log) with the rows written to a CSV writer.
    /// </summary>
    private static async Task Exports(BenchOptions options, Report report, TextWriter log, MetricsBench bench, ThrowawayPostgres postgres, ApiHost api, CancellationToken ct)
    {
        const int runs = 3;
        log.WriteLine($"  S9 export of {bench.Leads:N0} leads: {runs} times via the API, then raw ...");
        await bench.ExportAsync(ct);
        var captured = await postgres.CaptureStatementsAsync("l2r-api", () => bench.ExportAsync(ct), ct);
        await File.WriteAllTextAsync(Path.Combine(options.Output, "s9-export-statements.log"), captured, ct);
        var statements = CapturedStatements.Parse(captured, bench.Tenant.TenantId);
        await bench.ExportRawAsync(statements, ct);

        var apiSeconds = new List<double>();
        var growth = new List<double>();
        long apiBytes = 0;
        for (var i = 0; i < runs; i++)
        {
            var before = api.CurrentRssMiB();
            var ((seconds, bytes), peak) = await SampleRssAsync(api, async () =>
            {
                var start = Stopwatch.GetTimestamp();
                var read = await bench.ExportAsync(ct);
                return (Stopwatch.GetElapsedTime(start).TotalSeconds, read);
            });
            apiSeconds.Add(seconds);
            growth.Add(peak - before);
            apiBytes = bytes;
        }

        var rawSeconds = new List<double>();
        long rawBytes = 0;
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            rawBytes = await bench.ExportRawAsync(statements, ct);
            rawSeconds.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
        }

        var (viaApi, direct) = (Median(apiSeconds), Median(rawSeconds));
        report.Add(new Figure("S9", $"GET /api/leads/export to the last byte, {bench.Leads:N0} leads (median of {runs})", viaApi, "s", direct, viaApi / direct,
            "≤ 5 s", viaApi <= 5, "baseline: the export's SELECTs raw, rows to a CSV writer"));
        report.Add(new Figure("S9", "API RSS growth during the export (largest of the runs)", growth.Max(), "MiB", Note: "informational"));
        report.Details["s9"] = new JsonObject
        {
            ["leads"] = bench.Leads,
            ["apiSeconds"] = new JsonArray([.. apiSeconds.Select(v => JsonValue.Create(Math.Round(v, 3)))]),
            ["rawSeconds"] = new JsonArray([.. rawSeconds.Select(v => JsonValue.Create(Math.Round(v, 3)))]),
            ["apiBytes"] = apiBytes,
            ["rawBytes"] = rawBytes,
            ["rssGrowthMiB"] = new JsonArray([.. growth.Select(v => JsonValue.Create(Math.Round(v, 1)))]),
            ["statements"] = new JsonArray([.. statements.Select(s => JsonValue.Create(string.Join(' ', s.Sql.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries))))]),
        };
        log.WriteLine($"    API {viaApi:0.00} s ({apiBytes / 1048576.0:0.0} MiB, RSS +{growth.Max():0} MiB), raw {direct:0.00} s");
    }

    /// <summary>
    /// S8 on PostgreSQL: a warm-up import of a few thousand rows, then the measured one, the API's RSS sampled from
    /// upload to done. Then the raw baseline writes what the import wrote again (<see cref="RawImport"/>),
    /// and, beside it, the new leads alone in one binary COPY.
    /// </summary>
    private static async Task Imports(BenchOptions options, Report report, TextWriter log, ApiClient client, ThrowawayPostgres postgres, StatementStats stats, ApiHost api, CancellationToken ct)
    {
        var bench = new ImportBench(client);
        var rows = options.ImportRows;
        log.WriteLine($"  S8 import of {rows:N0} CSV rows, PostgreSQL: setting up tenants with teams and routing ...");
        var tenant = await bench.SetUpAsync("Bench Import", ct);
        await bench.ImportAsync(tenant, ImportBench.Csv("warm", WarmUpLeads(rows)), ct);

        var captured = await postgres.CaptureStatementsAsync("l2r-api", () => bench.ImportAsync(tenant, ImportBench.Csv("probe", Math.Min(rows, 1_000)), ct), ct);
        await File.WriteAllTextAsync(Path.Combine(options.Output, "s8-import-statements.log"), captured, ct);

        var csv = ImportBench.Csv("lead", rows);
        log.WriteLine($"    importing {rows:N0} rows ({csv.Length / 1048576.0:0.0} MiB) through the API ...");
        var rssBefore = api.CurrentRssMiB();
        stats.Reset();
        var (times, peak) = await SampleRssAsync(api, () => bench.ImportAsync(tenant, csv, ct));
        var apiStatements = stats.Read(ThrowawayPostgres.ApiRole);
        var counts = times.Run["counts"]!;
        var apiRate = rows / times.ImportSeconds;

        var raw = await RawImport.ReadAsync(postgres, tenant.Tenant.TenantId, Guid.Parse(times.Run["id"]!.GetValue<string>()), "lead", rows, ct);
        await using var rawSource = NpgsqlDataSource.Create(postgres.ConnectionString(ThrowawayPostgres.RawRole, "l2r-bench-raw"));
        stats.Reset();
        var rawSeconds = await raw.WriteAsync(rawSource, ct);
        var rawStatements = stats.Read(ThrowawayPostgres.RawRole);
        var copySeconds = await raw.CopyLeadsAsync(postgres, ct);
        var rawRate = rows / rawSeconds;
        var copyRate = raw.Leads / copySeconds;
        log.WriteLine($"    API {times.ImportSeconds:0.0} s ({apiRate:0} rows/s; upload {times.UploadSeconds:0.0} s, dry run {times.DryRunSeconds:0.0} s), raw {rawSeconds:0.0} s, COPY of the leads {copySeconds:0.00} s; peak RSS {peak:0} MiB");
        report.Add(new Figure("S8", $"CSV import of {rows:N0} rows, PostgreSQL (start to done; routing, history, SLA clocks, events)", apiRate, "rows/s", rawRate, apiRate / rawRate,
            "≥ 0.5× baseline", apiRate / rawRate >= 0.5, "baseline: the import's writes and reads raw, same batches"));
        report.Add(new Figure("S8", $"the same against one binary COPY of its {raw.Leads:N0} leads (the physical limit)", apiRate, "rows/s", copyRate, apiRate / copyRate,
            Note: "informational"));
        report.Add(new Figure("S8", "upload + dry run + import, end to end, PostgreSQL", times.EndToEndSeconds, "s", Note: "informational"));
        report.Add(new Figure("S8", "API peak RSS during the import (VmRSS sampled every 100 ms)", peak, "MiB", rssBefore, peak / rssBefore, "< 300 MiB", peak < 300,
            "baseline: RSS before the upload"));
        report.Details["s8PostgreSQL"] = new JsonObject
        {
            ["rows"] = rows,
            ["uploadSeconds"] = Math.Round(times.UploadSeconds, 2),
            ["dryRunSeconds"] = Math.Round(times.DryRunSeconds, 2),
            ["importSeconds"] = Math.Round(times.ImportSeconds, 2),
            ["rawSeconds"] = Math.Round(rawSeconds, 2),
            ["copySeconds"] = Math.Round(copySeconds, 3),
            ["batches"] = raw.Batches,
            ["counts"] = counts.DeepClone(),
            ["peakRssMiB"] = Math.Round(peak, 1),
            ["rssBeforeMiB"] = Math.Round(rssBefore, 1),
            ["statements"] = new JsonObject { ["api"] = Statements(apiStatements, 1), ["raw"] = Statements(rawStatements, 1) },
        };
    }

    /// <summary>S8 on SQLite: a fresh API process on a new file, the same tenant set-up, a warm-up import, then the measured one.</summary>
    private static async Task SqliteImports(BenchOptions options, Report report, TextWriter log, string publishDir, string signingKey, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("l2r-bench-sqlite-import-");
        try
        {
            var apiLog = Path.Combine(options.Output, "api-sqlite-import.log");
            File.Delete(apiLog);
            var settings = new Dictionary<string, string> { ["Database:Provider"] = "Sqlite", ["Database:DataDirectory"] = folder.FullName };
            await using var host = await ApiHost.StartAsync(publishDir, null, signingKey, apiLog, settings, ct);
            using var http = ApiClient.CreateHttpClient(host.BaseUrl);
            var bench = new ImportBench(new ApiClient(http));
            var rows = options.ImportRows;
            log.WriteLine($"  S8 import of {rows:N0} CSV rows, SQLite (API pid {host.ProcessId}) ...");
            var tenant = await bench.SetUpAsync("Bench Import", ct);
            await bench.ImportAsync(tenant, ImportBench.Csv("warm", WarmUpLeads(rows)), ct);
            var (times, peak) = await SampleRssAsync(host, () => bench.ImportAsync(tenant, ImportBench.Csv("lead", rows), ct));
            log.WriteLine($"    {times.ImportSeconds:0.0} s ({rows / times.ImportSeconds:0} rows/s; upload {times.UploadSeconds:0.0} s, dry run {times.DryRunSeconds:0.0} s); peak RSS {peak:0} MiB");
            report.Add(new Figure("S8", $"CSV import of {rows:N0} rows, SQLite (start to done)", times.ImportSeconds, "s", Target: "≤ 60 s", Pass: times.ImportSeconds <= 60));
            report.Add(new Figure("S8", "upload + dry run + import, end to end, SQLite", times.EndToEndSeconds, "s", Note: "informational"));
            report.Add(new Figure("S8", "API peak RSS during the import, SQLite", peak, "MiB", Note: "informational"));
            report.Details["s8SQLite"] = new JsonObject
            {
                ["rows"] = rows,
                ["uploadSeconds"] = Math.Round(times.UploadSeconds, 2),
                ["dryRunSeconds"] = Math.Round(times.DryRunSeconds, 2),
                ["importSeconds"] = Math.Round(times.ImportSeconds, 2),
                ["counts"] = times.Run["counts"]!.DeepClone(),
                ["peakRssMiB"] = Math.Round(peak, 1),
            };
        }
        finally
        {
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A file still held open; the folder is under /tmp.
            }
        }
    }

    /// <summary>Runs <paramref name="work"/> with the API's RSS sampled every 100 ms: its result and the peak seen.</summary>
    private static async Task<(T Result, double PeakRssMiB)> SampleRssAsync<T>(ApiHost api, Func<Task<T>> work)
    {
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            var peak = 0.0;
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, api.CurrentRssMiB());
                await Task.Delay(100, CancellationToken.None);
            }

            return peak;
        }, CancellationToken.None);
        try
        {
            var result = await work();
            await sampling.CancelAsync();
            return (result, Math.Max(await sampler, api.CurrentRssMiB()));
        }
        finally
        {
            await sampling.CancelAsync();
        }
    }
}
