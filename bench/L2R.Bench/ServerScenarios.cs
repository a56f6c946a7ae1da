using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using L2R.Bench.Infrastructure;
using L2R.Bench.Reporting;
using L2R.Bench.Scenarios;
using L2R.Domain.Leads;
using Npgsql;

namespace L2R.Bench;

/// <summary>S1, S2 and S4 to S10, which need the database and the API.</summary>
internal static partial class ServerScenarios
{
    public static async Task<double> RunAsync(BenchOptions options, Report report, TextWriter log, CancellationToken ct)
    {
        var publishDir = options.ApiDir ?? await ApiHost.PublishAsync(options.Repo, options.Output, log, ct);
        log.WriteLine("  starting a throwaway PostgreSQL ...");
        await using var postgres = await ThrowawayPostgres.StartAsync(ct);
        report.Details["postgres"] = new JsonObject { ["version"] = postgres.Version, ["port"] = postgres.Port };
        log.WriteLine($"  PostgreSQL {postgres.Version} on 127.0.0.1:{postgres.Port} (psql -h 127.0.0.1 -p {postgres.Port} -U postgres {ThrowawayPostgres.Database})");
        var signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        var apiConnection = postgres.ConnectionString(ThrowawayPostgres.ApiRole, "l2r-api");
        var apiLog = Path.Combine(options.Output, "api.log");
        File.Delete(apiLog);
        var s1Median = double.NaN;
        var stats = new StatementStats(postgres);

        TransitionBench? transitions = null;
        BoardBench? board = null;
        try
        {
            await using (var api = await ApiHost.StartAsync(publishDir, apiConnection, signingKey, apiLog, null, ct))
            {
                log.WriteLine($"  API (Release) pid {api.ProcessId} at {api.BaseUrl}");
                using var http = ApiClient.CreateHttpClient(api.BaseUrl);
                var client = new ApiClient(http);
                var idleRss = api.CurrentRssMiB();

                if (options.Runs("s1"))
                {
                    transitions = await TransitionBench.SetUpAsync(client, postgres, options.Leads, options.Users, log, ct);
                    s1Median = await Transitions(options, report, log, transitions, postgres, stats, api, idleRss, ct);
                }

                if (options.Runs("s2") || options.Runs("s4"))
                {
                    board = await BoardBench.SetUpAsync(client, postgres, options.Runs("s2") ? options.BoardSizes : [10_000], log, ct);
                    if (options.Runs("s2"))
                    {
                        await Boards(options, report, log, board, postgres, stats, ct);
                    }

                    if (options.Hold > TimeSpan.Zero)
                    {
                        var shown = board.Tenants.MinBy(t => Math.Abs(t.Size - 10_000))!;
                        log.WriteLine($"  holding {options.Hold.TotalSeconds:0} s: {api.BaseUrl}/login tenant {shown.Tenant.Slug}, {shown.Tenant.AdminEmail} / {ApiClient.Password}");
                        await Task.Delay(options.Hold, ct);
                    }

                    if (options.Runs("s4"))
                    {
                        await Browser(options, report, log, board, api.BaseUrl, ct);
                    }
                }

                if (options.Runs("s5") || options.Runs("s6"))
                {
                    await Activations(options, report, log, client, postgres, stats, ct);
                }

                if (options.Runs("s7") || options.Runs("s9"))
                {
                    await using var metrics = await MetricsBench.SetUpAsync(client, postgres, options.MetricsLeads, log, ct);
                    if (options.Runs("s7"))
                    {
                        await Waterfalls(options, report, log, metrics, postgres, stats, ct);
                    }

                    if (options.Runs("s9"))
                    {
                        await Exports(options, report, log, metrics, postgres, api, ct);
                    }
                }

                if (options.Runs("s8"))
                {
                    await Imports(options, report, log, client, postgres, stats, api, ct);
                }
            }

            if (options.Runs("s10"))
            {
                await LiveBoard(options, report, log, publishDir, apiConnection, signingKey, ct);
            }

            if (options.Sqlite && (options.Runs("s5") || options.Runs("s6")))
            {
                await SqliteActivations(options, report, log, publishDir, signingKey, ct);
            }

            if (options.Sqlite && options.Runs("s8"))
            {
                await SqliteImports(options, report, log, publishDir, signingKey, ct);
            }

            if (options.Diagnose && (transitions is not null || (board is not null && options.Runs("s2"))))
            {
                await Diagnose(options, report, log, transitions, options.Runs("s2") ? board : null, publishDir, apiConnection, signingKey, ct);
            }
        }
        finally
        {
            if (transitions is not null)
            {
                await transitions.DisposeAsync();
            }

            if (board is not null)
            {
                await board.DisposeAsync();
            }
        }

        return s1Median;
    }

    private static async Task<double> Transitions(
        BenchOptions options, Report report, TextWriter log, TransitionBench bench, ThrowawayPostgres postgres, StatementStats stats, ApiHost api, double idleRss, CancellationToken ct)
    {
        // Which statements does one transition send, and does the raw baseline send the same ones?
        const int probe = 30;
        for (var i = 0; i < 5; i++)
        {
            await bench.FireViaApiAsync(0, ct);
            await bench.FireRawAsync(0, ct);
        }

        var captured = await postgres.CaptureStatementsAsync("l2r-api", async () =>
        {
            for (var i = 0; i < 3; i++)
            {
                await bench.FireViaApiAsync(0, ct);
            }
        }, ct);
        await File.WriteAllTextAsync(Path.Combine(options.Output, "s1-transition-statements.log"), captured, ct);

        stats.Reset();
        for (var i = 0; i < probe; i++)
        {
            await bench.FireViaApiAsync(0, ct);
        }

        var viaApi = StatementStats.WithoutBackground(stats.Read(ThrowawayPostgres.ApiRole));
        stats.Reset();
        for (var i = 0; i < probe; i++)
        {
            await bench.FireRawAsync(0, ct);
        }

        var raw = stats.Read(ThrowawayPostgres.RawRole);
        var same = StatementStats.SameStatements(viaApi, raw);
        var perApi = viaApi.Sum(s => s.Calls) / (double)probe;
        var perRaw = raw.Sum(s => s.Calls) / (double)probe;
        report.Details["s1Statements"] = new JsonObject
        {
            ["sameAsApi"] = same,
            ["api"] = Statements(viaApi, probe),
            ["raw"] = Statements(raw, probe),
        };
        if (!same)
        {
            log.WriteLine("  WARNING: the raw baseline no longer sends exactly the API's statements: compare details.s1Statements in results.json and s1-transition-statements.log with RawStatements.");
        }

        report.Add(new Figure("S1", $"SQL statements per transition (with BEGIN, SAVEPOINT, COMMIT; {StatementStats.Resets(viaApi) / probe:0.#} DISCARD ALL)", perApi, "",
            perRaw, perApi / perRaw, "baseline sends the same", same));

        log.WriteLine("  S1 warm-up (JIT tiering, pools): rounds of 5 s through the API until its CPU per transition settles (60–100 s), then 3 s raw ...");
        var warmUp = await WarmUpTransitionsAsync(api, bench, log, ct);

        var levels = new JsonArray();
        var peakSampled = 0.0;
        var median = double.NaN;
        foreach (var clients in options.Clients)
        {
            log.WriteLine($"  S1 {clients} client(s): {TransitionRounds} rounds of API then raw, each {options.Warmup.TotalSeconds / TransitionRounds:0.##}+{options.Duration.TotalSeconds / TransitionRounds:0.##} s ...");
            var (measured, cpuPerRequest, peakRss) = await MeasureApiAsync(api, () => LoadRunner.RunInterleavedAsync(
                clients, options.Warmup / TransitionRounds, options.Duration, TransitionRounds, bench.FireViaApiAsync, bench.FireRawAsync, ct), both => both.A.Total);
            var (viaHttp, direct) = measured;
            peakSampled = Math.Max(peakSampled, peakRss);
            if (clients == options.Clients.Min())
            {
                median = viaHttp.Latency.P50Ms;
            }

            var last = clients == options.Clients.Max();
            var ratio = viaHttp.PerSecond / direct.PerSecond;
            report.Add(new Figure("S1", $"transitions/s, {clients} client(s)", viaHttp.PerSecond, "/s", direct.PerSecond, ratio, "≥ 0.5× baseline", ratio >= 0.5));
            report.Add(new Figure("S1", $"p50, {clients} client(s)", viaHttp.Latency.P50Ms, "ms", direct.Latency.P50Ms, viaHttp.Latency.P50Ms / direct.Latency.P50Ms));
            report.Add(new Figure("S1", $"p95, {clients} client(s)", viaHttp.Latency.P95Ms, "ms", direct.Latency.P95Ms, viaHttp.Latency.P95Ms / direct.Latency.P95Ms));
            report.Add(new Figure("S1", $"p99, {clients} client(s)", viaHttp.Latency.P99Ms, "ms", direct.Latency.P99Ms, viaHttp.Latency.P99Ms / direct.Latency.P99Ms,
                last ? "≤ 50 ms" : "", last ? viaHttp.Latency.P99Ms <= 50 : null));
            if (viaHttp.Errors + direct.Errors > 0)
            {
                report.Add(new Figure("S1", $"failed requests, {clients} client(s)", viaHttp.Errors, "", direct.Errors, null, "0", false, viaHttp.FirstError ?? direct.FirstError ?? ""));
            }

            levels.Add(new JsonObject
            {
                ["clients"] = clients,
                ["api"] = Load(viaHttp),
                ["apiCpuMsPerRequest"] = Math.Round(cpuPerRequest, 3),
                ["apiPeakRssMiB"] = Math.Round(peakRss, 1),
                ["raw"] = Load(direct),
            });
            log.WriteLine($"    API {viaHttp.PerSecond:0} /s (p99 {viaHttp.Latency.P99Ms:0.0} ms, {cpuPerRequest:0.0} ms of API CPU each), raw {direct.PerSecond:0} /s (p99 {direct.Latency.P99Ms:0.0} ms)");
            if (clients == options.Clients.Min() || last)
            {
                report.Add(new Figure("S1", $"API CPU per transition, {clients} client(s)", cpuPerRequest, "ms", direct.Latency.P50Ms, cpuPerRequest / direct.Latency.P50Ms,
                    Note: "baseline: raw p50 (all its SQL)"));
            }
        }

        report.Details["s1"] = new JsonObject { ["tenant"] = bench.Tenant.Slug, ["leads"] = bench.Leads, ["users"] = bench.Users.Count, ["warmUpCpuMsPerTransition"] = warmUp, ["levels"] = levels };
        var hwm = api.PeakRssMiB();
        report.Details["memory"] = new JsonObject { ["vmHwmMiB"] = hwm, ["sampledPeakRssDuringS1MiB"] = peakSampled, ["idleRssAfterStartMiB"] = idleRss };
        report.Add(new Figure("Memory", "API peak RSS up to the end of S1 (VmHWM)", hwm, "MiB", idleRss, hwm / idleRss, "≤ 300 MiB", hwm <= 300,
            "baseline: RSS of the idle API after start"));
        return median;
    }

    private static async Task Boards(BenchOptions options, Report report, TextWriter log, BoardBench bench, ThrowawayPostgres postgres, StatementStats stats, CancellationToken ct)
    {
        const int take = 25;
        const int probe = 10;
        var sizes = new JsonArray();
        double? firstCount = null;
        log.WriteLine($"  S2 warm-up (JIT tiering): rounds of {BoardWarmUp} sequential boards per tenant until their p50 settles ...");
        var warmUp = await WarmUpBoardsAsync(bench, log, ct);
        foreach (var tenant in bench.Tenants)
        {
            log.WriteLine($"  S2 board, {tenant.Size:N0} leads: {options.BoardRequests} requests via the API, each followed by one raw ...");
            await bench.GetViaApiAsync(tenant, take, ct);
            await bench.GetRawAsync(tenant, take, ct);
            if (tenant == bench.Tenants[0])
            {
                var captured = await postgres.CaptureStatementsAsync("l2r-api", () => bench.GetViaApiAsync(tenant, take, ct), ct);
                await File.WriteAllTextAsync(Path.Combine(options.Output, "s2-board-statements.log"), captured, ct);
            }

            stats.Reset();
            for (var i = 0; i < probe; i++)
            {
                await bench.GetViaApiAsync(tenant, take, ct);
            }

            var viaApi = StatementStats.WithoutBackground(stats.Read(ThrowawayPostgres.ApiRole));
            stats.Reset();
            for (var i = 0; i < probe; i++)
            {
                await bench.GetRawAsync(tenant, take, ct);
            }

            var raw = stats.Read(ThrowawayPostgres.RawRole);
            var (apiLatency, rawLatency) = await LoadRunner.SequentialPairsAsync(
                BoardWarmUp, options.BoardRequests, token => bench.GetViaApiAsync(tenant, take, token), token => bench.GetRawAsync(tenant, take, token), ct);

            var perApi = viaApi.Sum(s => s.Calls) / (double)probe;
            var perApiQueries = viaApi.Where(StatementStats.IsQuery).Sum(s => s.Calls) / (double)probe;
            var perRaw = raw.Sum(s => s.Calls) / (double)probe;
            if (!StatementStats.SameStatements(viaApi, raw))
            {
                log.WriteLine("  WARNING: the raw board baseline no longer sends the API's SELECTs: compare details.s2 in results.json and s2-board-statements.log with BoardStatements.");
            }

            var ratio = apiLatency.P95Ms / rawLatency.P95Ms;
            var pass = tenant.Size >= 100_000 ? ratio <= 1.3 && apiLatency.P95Ms <= 50 : ratio <= 2;
            var label = tenant.Size.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
            report.Add(new Figure("S2", $"GET /api/board p95, {label} leads", apiLatency.P95Ms, "ms", rawLatency.P95Ms, ratio,
                tenant.Size >= 100_000 ? "≤ 1.3× baseline, ≤ 50 ms" : "≤ 2× baseline", pass));
            report.Add(new Figure("S2", $"GET /api/board p50, {label} leads", apiLatency.P50Ms, "ms", rawLatency.P50Ms, apiLatency.P50Ms / rawLatency.P50Ms));
            firstCount ??= perApi;
            report.Add(new Figure("S2", $"SQL statements per board, {label} leads ({perApiQueries:0} queries, {StatementStats.Resets(viaApi) / probe:0} DISCARD ALL)", perApi, "",
                perRaw, perApi / perRaw, "constant in the data", perApi == firstCount));
            sizes.Add(new JsonObject
            {
                ["leads"] = tenant.Size,
                ["tenant"] = tenant.Tenant.Slug,
                ["columns"] = new JsonObject(tenant.Counts.Select(c => KeyValuePair.Create(c.Key.ToString(), (JsonNode?)c.Value))),
                ["api"] = Latency(apiLatency),
                ["raw"] = Latency(rawLatency),
                ["statements"] = new JsonObject { ["api"] = Statements(viaApi, probe), ["raw"] = Statements(raw, probe) },
            });
            log.WriteLine($"    API p95 {apiLatency.P95Ms:0.0} ms, raw p95 {rawLatency.P95Ms:0.0} ms, {perApi:0.#} statements per request");
        }

        var explain = await BoardBench.ExplainAsync(postgres, bench.Tenants.MaxBy(t => t.Size)!, take, ct);
        await File.WriteAllTextAsync(Path.Combine(options.Output, "s2-explain.txt"), explain, ct);
        report.Details["s2"] = new JsonObject { ["take"] = take, ["warmUpP50MsSummed"] = warmUp, ["sizes"] = sizes, ["explainLargest"] = explain };
    }

    private static async Task Browser(BenchOptions options, Report report, TextWriter log, BoardBench bench, string baseUrl, CancellationToken ct)
    {
        var tenant = bench.Tenants.MinBy(t => Math.Abs(t.Size - 10_000))!;
        log.WriteLine($"  S4 board in Chromium, {tenant.Size:N0} leads ...");
        var result = await BrowserBench.RunAsync(options.Repo, baseUrl, tenant.Tenant.Slug, tenant.Tenant.AdminEmail, ApiClient.Password, LeadStates.All.Count, ct);
        report.Details["s4"] = new JsonObject { ["leads"] = tenant.Size, ["result"] = result.Measured?.DeepClone(), ["notMeasured"] = result.NotMeasuredBecause };
        if (result.NotMeasuredBecause is { } why)
        {
            log.WriteLine($"    not measured: {why}");
            report.Add(new Figure("S4", "board first render (all columns)", null, "ms", Target: "≤ 1000 ms", Note: "not measured"));
            report.Add(new Figure("S4", "longest frame while scrolling a column", null, "ms", Target: "≤ 100 ms", Note: "not measured"));
            report.Details["s4"]!["reason"] = why;
            return;
        }

        var m = result.Measured!;
        var render = Median(m["firstRenderMs"]!.AsArray().Select(v => v!.GetValue<double>()));
        var fetch = Median(m["boardFetchMs"]!.AsArray().Select(v => v!.GetValue<double>()));
        var longest = m["longestFrameMs"]?.GetValue<double>();
        var idle = m["idleFrameMs"]?.GetValue<double>();
        var column = m["scrolledColumn"]!;
        var reached = m["reachedEnd"]?.GetValue<bool>() == true;
        report.Add(new Figure("S4", $"board first render (all columns), {tenant.Size:N0} leads", render, "ms", fetch, render / fetch, "≤ 1000 ms", render <= 1000,
            "baseline: the board JSON fetched raw"));
        report.Add(new Figure("S4", $"longest frame scrolling {column["state"]} ({column["count"]} cards) to its end", longest, "ms", idle, longest / idle,
            "≤ 100 ms", reached ? longest <= 100 : false, reached ? "baseline: idle frame" : "did not reach the end"));
        log.WriteLine($"    first render {render:0} ms (raw fetch {fetch:0} ms), longest frame {longest:0} ms over {m["frames"]} frames");
    }

    /// <summary>
    /// S6 then S5 on PostgreSQL. Four tenants with the same design: a small pair warms up the API's and the raw
    /// baseline's code paths (and has its statements checked), then the large pair is measured, the API's and the raw
    /// baseline's each on its own tenant. The simulation runs three times each way (median); the activation once each
    /// way, raw first, and both are checked afterwards: exactly the designed half moved, each lead once.
    /// </summary>
    private static async Task Activations(BenchOptions options, Report report, TextWriter log, ApiClient client, ThrowawayPostgres postgres, StatementStats stats, CancellationToken ct)
    {
        await using var raw = NpgsqlDataSource.Create(postgres.ConnectionString(ThrowawayPostgres.RawRole, "l2r-bench-raw"));
        var bench = new ActivationBench(client, new PostgresLeadStore(postgres), raw);
        var size = options.ActivationLeads;
        var label = $"{size:N0} open leads";
        log.WriteLine($"  S5/S6 PostgreSQL: seeding {size:N0} leads with activities for the API and for the raw baseline, {WarmUpLeads(size):N0} each to warm up ...");
        var seeding = Stopwatch.StartNew();
        var warmApi = await bench.SeedAsync("Bench Activation Warm-up", WarmUpLeads(size), ct);
        var warmRaw = await bench.SeedAsync("Bench Activation Warm-up Raw", WarmUpLeads(size), ct);
        var viaApi = await bench.SeedAsync("Bench Activation", size, ct);
        var direct = await bench.SeedAsync("Bench Activation Raw", size, ct);
        await bench.Store.AnalyzeAsync(ct);
        log.WriteLine($"    seeded in {seeding.Elapsed.TotalSeconds:0.0} s; warming up (simulation and activation of {WarmUpLeads(size):N0} leads each way) ...");

        var captured = await postgres.CaptureStatementsAsync("l2r-api", () => bench.SimulateViaApiAsync(warmApi, ct), ct);
        await File.WriteAllTextAsync(Path.Combine(options.Output, "s6-simulation-statements.log"), captured, ct);
        await bench.SimulateRawAsync(warmRaw, ct);
        stats.Reset();
        await bench.SimulateViaApiAsync(warmApi, ct);
        var simulationApi = stats.Read(ThrowawayPostgres.ApiRole);
        stats.Reset();
        await bench.SimulateRawAsync(warmRaw, ct);
        var simulationRaw = stats.Read(ThrowawayPostgres.RawRole);
        var sameSimulation = StatementStats.SameStatements(simulationApi, simulationRaw);
        if (!sameSimulation)
        {
            log.WriteLine("  WARNING: the raw simulation baseline no longer sends exactly the API's statements: compare details.s6.statements in results.json and s6-simulation-statements.log with SimulationStatements.");
        }

        await bench.ActivateRawAsync(warmRaw, ct);
        stats.Reset();
        captured = await postgres.CaptureStatementsAsync("l2r-api", () => bench.ActivateViaApiAsync(warmApi, ct), ct);
        await File.WriteAllTextAsync(Path.Combine(options.Output, "s5-activation-statements.log"), captured, ct);
        var warmActivation = stats.Read(ThrowawayPostgres.ApiRole);

        var details = new JsonObject
        {
            ["leads"] = size,
            ["movers"] = viaApi.Movers,
            ["warmUpLeads"] = WarmUpLeads(size),
            ["seedingSeconds"] = Math.Round(seeding.Elapsed.TotalSeconds, 1),
        };
        report.Details["s5s6PostgreSQL"] = details;

        var explain = await bench.ExplainAsync(viaApi, ct);
        await File.WriteAllTextAsync(Path.Combine(options.Output, "s5s6-explain.txt"), explain, ct);
        details["explain"] = explain;

        JsonObject? simulation = null;
        if (options.Runs("s6"))
        {
            var apiMs = new List<double>();
            var rawMs = new List<double>();
            for (var i = 0; i < SimulationRuns; i++)
            {
                log.WriteLine($"  S6 simulation of the draft over {label}, run {i + 1} of {SimulationRuns}: API, then raw ...");
                var (ms, answer) = await bench.SimulateViaApiAsync(viaApi, ct);
                apiMs.Add(ms);
                simulation = answer;
                rawMs.Add(await bench.SimulateRawAsync(direct, ct));
                log.WriteLine($"    API {ms:0} ms (server {answer["elapsedMilliseconds"]!.GetValue<double>():0} ms), raw {rawMs[^1]:0} ms");
            }

            var (api, baseline) = (Median(apiMs), Median(rawMs));
            report.Add(new Figure("S6", $"simulation of the draft over {label}, PostgreSQL (median of {SimulationRuns})", api, "ms", baseline, baseline / api,
                "≤ 2000 ms", api <= 2000, "ratio: raw time / API time"));
            report.Add(new Figure("S6", $"SQL statements per simulation ({WarmUpLeads(size):N0} leads)", Calls(simulationApi), "", Calls(simulationRaw),
                Calls(simulationApi) / Calls(simulationRaw), "baseline sends the same", sameSimulation));
            details["s6"] = new JsonObject
            {
                ["apiMs"] = new JsonArray([.. apiMs.Select(v => JsonValue.Create(Math.Round(v, 1)))]),
                ["rawMs"] = new JsonArray([.. rawMs.Select(v => JsonValue.Create(Math.Round(v, 1)))]),
                ["answer"] = Without(simulation!, "transitions"),
                ["statements"] = new JsonObject { ["sameAsApi"] = sameSimulation, ["api"] = Statements(simulationApi, 1), ["raw"] = Statements(simulationRaw, 1) },
            };
        }

        if (options.Runs("s5"))
        {
            log.WriteLine($"  S5 activation over {label} ({viaApi.Movers:N0} move): raw baseline, then through the API ...");
            stats.Reset();
            var rawSeconds = await bench.ActivateRawAsync(direct, ct);
            var rawStatements = stats.Read(ThrowawayPostgres.RawRole);
            var rawCheck = await bench.CheckAsync(direct, ct);
            stats.Reset();
            var (seconds, activation, progress) = await bench.ActivateViaApiAsync(viaApi, ct);
            var apiStatements = stats.Read(ThrowawayPostgres.ApiRole);
            var check = await bench.CheckAsync(viaApi, ct);
            var moved = activation["moved"]!.GetValue<int>();
            var longest = LongestBatch(progress, ActivationBench.PostgresBatch);
            log.WriteLine($"    API {seconds:0.0} s (longest batch {longest:0.00} s), raw {rawSeconds:0.0} s; API: {check}; raw: {rawCheck}");
            var ratio = rawSeconds / seconds;
            report.Add(new Figure("S5", $"activation over {label} ({viaApi.Movers:N0} move), PostgreSQL, end to end", seconds, "s", rawSeconds, ratio,
                "≤ 15 s, ≥ 0.3× baseline", seconds <= 15 && ratio >= 0.3, "ratio: raw time / API time"));
            var exact = check.IsExactly(viaApi.Movers) && moved == viaApi.Movers && rawCheck.IsExactly(direct.Movers);
            report.Add(new Figure("S5", "leads moved, PostgreSQL (each once, exactly those designed to)", check.MovedLeads, "", rawCheck.MovedLeads, null,
                $"{viaApi.Movers:N0}, none twice", exact, exact ? "" : check.ToString()));
            report.Add(new Figure("S5", $"longest batch of {ActivationBench.PostgresBatch:N0}, PostgreSQL", longest, "s", Note: "informational"));
            details["s5"] = new JsonObject
            {
                ["apiSeconds"] = Math.Round(seconds, 2),
                ["rawSeconds"] = Math.Round(rawSeconds, 2),
                ["activation"] = activation.DeepClone(),
                ["check"] = check.ToString(),
                ["rawCheck"] = rawCheck.ToString(),
                ["progress"] = Progress(progress),
                ["statements"] = new JsonObject
                {
                    ["api"] = Statements(apiStatements, 1),
                    ["raw"] = Statements(rawStatements, 1),
                    ["apiWarmUp"] = Statements(warmActivation, 1),
                },
            };
            if (simulation is not null)
            {
                var willMove = simulation["leadsThatWillMove"]!.GetValue<int>();
                report.Add(new Figure("S6", "leads the simulation said will move, against those activation moved", willMove, "", check.MovedLeads, null, "equal",
                    willMove == check.MovedLeads && willMove == moved));
            }
        }
        else if (simulation is not null)
        {
            var willMove = simulation["leadsThatWillMove"]!.GetValue<int>();
            report.Add(new Figure("S6", "leads the simulation said will move, against those designed to", willMove, "", viaApi.Movers, null, "equal", willMove == viaApi.Movers));
        }
    }

    /// <summary>
    /// S5 (and S6's simulation, once) on SQLite: a fresh API process with the embedded provider on a new file in a
    /// folder of its own, the same design of data written into the file in bulk, a small tenant to warm up first. No
    /// raw baseline: the figure stands beside PostgreSQL's, with its own target, and the longest batch shows how long
    /// SQLite's one writer held the lock.
    /// </summary>
    private static async Task SqliteActivations(BenchOptions options, Report report, TextWriter log, string publishDir, string signingKey, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("l2r-bench-sqlite-");
        try
        {
            var apiLog = Path.Combine(options.Output, "api-sqlite.log");
            File.Delete(apiLog);
            var settings = new Dictionary<string, string> { ["Database:Provider"] = "Sqlite", ["Database:DataDirectory"] = folder.FullName };
            await using var host = await ApiHost.StartAsync(publishDir, null, signingKey, apiLog, settings, ct);
            log.WriteLine($"  API (Release, SQLite in {folder.FullName}) pid {host.ProcessId} at {host.BaseUrl}");
            using var http = ApiClient.CreateHttpClient(host.BaseUrl);
            var bench = new ActivationBench(new ApiClient(http), new SqliteLeadStore(Path.Combine(folder.FullName, "l2r.db")));
            var size = options.ActivationLeads;
            var label = $"{size:N0} open leads";
            log.WriteLine($"  S5/S6 SQLite: seeding {size:N0} leads with activities, {WarmUpLeads(size):N0} to warm up ...");
            var warm = await bench.SeedAsync("Bench Activation Warm-up", WarmUpLeads(size), ct);
            var tenant = await bench.SeedAsync("Bench Activation", size, ct);
            await bench.SimulateViaApiAsync(warm, ct);
            await bench.ActivateViaApiAsync(warm, ct);

            var details = new JsonObject { ["leads"] = size, ["movers"] = tenant.Movers };
            report.Details["s5s6SQLite"] = details;
            if (options.Runs("s6"))
            {
                log.WriteLine($"  S6 simulation over {label}, SQLite ...");
                var (ms, simulation) = await bench.SimulateViaApiAsync(tenant, ct);
                var willMove = simulation["leadsThatWillMove"]!.GetValue<int>();
                report.Add(new Figure("S6", $"simulation of the draft over {label}, SQLite", ms, "ms", Note: "informational"));
                details["s6"] = new JsonObject { ["apiMs"] = Math.Round(ms, 1), ["answer"] = Without(simulation, "transitions") };
                if (!options.Runs("s5"))
                {
                    report.Add(new Figure("S6", "leads the simulation said will move, SQLite, against those designed to", willMove, "", tenant.Movers, null, "equal", willMove == tenant.Movers));
                }
            }

            if (options.Runs("s5"))
            {
                log.WriteLine($"  S5 activation over {label} ({tenant.Movers:N0} move), SQLite ...");
                var (seconds, activation, progress) = await bench.ActivateViaApiAsync(tenant, ct);
                var check = await bench.CheckAsync(tenant, ct);
                var moved = activation["moved"]!.GetValue<int>();
                var longest = LongestBatch(progress, SqliteBatch);
                log.WriteLine($"    {seconds:0.0} s (longest batch {longest:0.00} s); {check}");
                report.Add(new Figure("S5", $"activation over {label} ({tenant.Movers:N0} move), SQLite, end to end", seconds, "s", Target: "≤ 60 s", Pass: seconds <= 60));
                var exact = check.IsExactly(tenant.Movers) && moved == tenant.Movers;
                report.Add(new Figure("S5", "leads moved, SQLite (each once, exactly those designed to)", check.MovedLeads, "", Target: $"{tenant.Movers:N0}, none twice",
                    Pass: exact, Note: exact ? "" : check.ToString()));
                report.Add(new Figure("S5", $"longest batch of {SqliteBatch:N0}, SQLite (its one writer's lock)", longest, "s", Target: "≤ 1 s", Pass: longest <= 1));
                details["s5"] = new JsonObject
                {
                    ["apiSeconds"] = Math.Round(seconds, 2),
                    ["activation"] = activation.DeepClone(),
                    ["check"] = check.ToString(),
                    ["progress"] = Progress(progress),
                };
            }
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

    private const int SimulationRuns = 3;

    /// <summary>RunActivationHandler's batch on SQLite.</summary>
    private const int SqliteBatch = 1000;

    private static int WarmUpLeads(int size) => Math.Min(2_000, size);

    /// <summary>
    /// The longest time one batch took, from the activation's progress as polled: each interval between two changes
    /// of the processed count, shared among the batches it covers (a slow poll may see two at once).
    /// </summary>
    private static double LongestBatch(IReadOnlyList<(double Seconds, int Processed)> progress, int batch) =>
        progress.Zip(progress.Skip(1))
            .Select(p => (p.Second.Seconds - p.First.Seconds) / Math.Max(1, (int)Math.Ceiling((p.Second.Processed - p.First.Processed) / (double)batch)))
            .DefaultIfEmpty(double.NaN)
            .Max();

    private static JsonArray Progress(IReadOnlyList<(double Seconds, int Processed)> progress) =>
        new([.. progress.Select(p => (JsonNode)new JsonObject { ["s"] = Math.Round(p.Seconds, 3), ["processed"] = p.Processed })]);

    private static double Calls(IReadOnlyList<StatementCount> statements) => statements.Sum(s => s.Calls) - StatementStats.Resets(statements);

    private static JsonObject Without(JsonObject answer, string property)
    {
        var copy = answer.DeepClone().AsObject();
        copy.Remove(property);
        return copy;
    }

    /// <summary>
    /// What settings cost, each on a fresh, warmed-up API process with the same data and tokens (the shipped settings
    /// again first, as the yardstick for the others): the shipped appsettings log at Information, which includes EF
    /// Core's line per SQL command; Npgsql resets a pooled connection (DISCARD ALL) every time EF Core opens it, which
    /// the board does once per query; idle thread-pool workers spin before they sleep, which on 2 cores takes CPU from
    /// PostgreSQL; and server GC (a heap per core) against memory.
    /// </summary>
    private static async Task Diagnose(
        BenchOptions options, Report report, TextWriter log, TransitionBench? transitions, BoardBench? board,
        string publishDir, string connection, string signingKey, CancellationToken ct)
    {
        var quietLog = new Dictionary<string, string> { ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Warning" };
        var noSpin = new Dictionary<string, string>(quietLog) { ["env:DOTNET_ThreadPool_UnfairSemaphoreSpinLimit"] = "0" };
        var workstationGc = new Dictionary<string, string>(quietLog) { ["env:DOTNET_gcServer"] = "0" };
        var variants = new (string Name, string Connection, Dictionary<string, string> Settings)[]
        {
            ("shipped settings", connection, []),
            ("EF command log off", connection, quietLog),
            ("log off + No Reset On Close", connection + ";No Reset On Close=true", quietLog),
            ("log off + no thread-pool spinning", connection, noSpin),
            ("log off + workstation GC", connection, workstationGc),
        };
        var details = new JsonArray();
        foreach (var (name, variantConnection, settings) in variants)
        {
            log.WriteLine($"  diagnostic: {name} ...");
            var variantLog = Path.Combine(options.Output, $"api-diag-{details.Count + 1}.log");
            File.Delete(variantLog);
            await using var api = await ApiHost.StartAsync(publishDir, variantConnection, signingKey, variantLog, settings, ct);
            using var http = ApiClient.CreateHttpClient(api.BaseUrl);
            var client = new ApiClient(http);
            var entry = new JsonObject { ["variant"] = name };
            if (transitions is not null)
            {
                await WarmUpTransitionsAsync(api, transitions.WithApi(client), log, ct);
            }

            if (board is not null)
            {
                await WarmUpBoardsAsync(board.WithApi(client), log, ct);
            }

            if (transitions is not null)
            {
                var bench = transitions.WithApi(client);
                var levels = new JsonArray();
                foreach (var clients in new[] { options.Clients.Min(), options.Clients.Max() }.Distinct())
                {
                    var (viaHttp, cpuPerRequest, peakRss) = await MeasureApiAsync(api, () => LoadRunner.RunAsync(clients, options.Warmup, options.Duration, bench.FireViaApiAsync, ct));
                    var direct = await LoadRunner.RunAsync(clients, options.Warmup, options.Duration, bench.FireRawAsync, ct);
                    var at = $"{clients} client(s), {name}";
                    report.Add(new Figure("S1 diag", $"transitions/s, {at}", viaHttp.PerSecond, "/s", direct.PerSecond, viaHttp.PerSecond / direct.PerSecond, Note: "diagnostic"));
                    report.Add(new Figure("S1 diag", $"p99, {at}", viaHttp.Latency.P99Ms, "ms", direct.Latency.P99Ms, viaHttp.Latency.P99Ms / direct.Latency.P99Ms, Note: "diagnostic"));
                    report.Add(new Figure("S1 diag", $"API CPU per transition, {at}", cpuPerRequest, "ms", Note: "diagnostic"));
                    report.Add(new Figure("S1 diag", $"API peak RSS, {at}", peakRss, "MiB", Note: "diagnostic"));
                    levels.Add(new JsonObject
                    {
                        ["clients"] = clients, ["api"] = Load(viaHttp), ["apiCpuMsPerRequest"] = Math.Round(cpuPerRequest, 3), ["apiPeakRssMiB"] = Math.Round(peakRss, 1), ["raw"] = Load(direct),
                    });
                }

                entry["s1"] = levels;
            }

            if (board is not null)
            {
                var tenant = board.Tenants.MaxBy(t => t.Size)!;
                var bench = board.WithApi(client);
                var viaApi = await LoadRunner.SequentialAsync(BoardWarmUp, options.BoardRequests, token => bench.GetViaApiAsync(tenant, 25, token), ct);
                var raw = await LoadRunner.SequentialAsync(BoardWarmUp, options.BoardRequests, token => bench.GetRawAsync(tenant, 25, token), ct);
                report.Add(new Figure("S2 diag", $"GET /api/board p95, {tenant.Size:N0} leads, {name}", viaApi.P95Ms, "ms", raw.P95Ms, viaApi.P95Ms / raw.P95Ms, Note: "diagnostic"));
                entry["s2"] = new JsonObject { ["leads"] = tenant.Size, ["api"] = Latency(viaApi), ["raw"] = Latency(raw) };
            }

            details.Add(entry);
        }

        report.Details["diagnostics"] = details;
    }

    private const int BoardWarmUp = 30;

    /// <summary>S2's warm-up: each round reads every tenant's board <see cref="BoardWarmUp"/> times in a row, measured as the sum of their p50s.</summary>
    private static async Task<JsonArray> WarmUpBoardsAsync(BoardBench board, TextWriter log, CancellationToken ct) =>
        await WarmUpUntilSettledAsync("GET /api/board p50 summed over the tenants", log, async () =>
        {
            var summed = 0.0;
            foreach (var tenant in board.Tenants)
            {
                summed += (await LoadRunner.SequentialAsync(0, BoardWarmUp, token => board.GetViaApiAsync(tenant, 25, token), ct)).P50Ms;
            }

            return summed;
        });

    /// <summary>S1's warm-up: rounds of 5 s at 8 clients, each measured as the API's CPU per transition; then 3 s raw.</summary>
    private static async Task<JsonArray> WarmUpTransitionsAsync(ApiHost api, TransitionBench bench, TextWriter log, CancellationToken ct)
    {
        var rounds = await WarmUpUntilSettledAsync("API CPU per transition", log, async () =>
            (await MeasureApiAsync(api, () => LoadRunner.RunAsync(8, TimeSpan.Zero, TimeSpan.FromSeconds(5), bench.FireViaApiAsync, ct))).CpuMsPerRequest);
        await LoadRunner.RunAsync(8, TimeSpan.Zero, TimeSpan.FromSeconds(3), bench.FireRawAsync, ct);
        return rounds;
    }

    /// <summary>
    /// Warms the API up until a round's figure settles: a fresh process keeps tiering its hot methods up (tier 0, then
    /// instrumented for dynamic PGO, then optimised) for about a minute under load. After the former fixed 8 s, six
    /// 1-client S1 levels measured one after another cost 31.6, 21.8, 12.2, 12.4, 9.6 and 9.3 ms of API CPU per
    /// transition; with tiered compilation off they stayed at 17–26 ms, so the fall is the JIT's, not the data's. At
    /// least twelve rounds (agreement within 10% came after six while the figure was still falling slowly), until the
    /// last three agree within 10%, at most twenty; each round's figure is printed and kept in results.json.
    /// </summary>
    private static async Task<JsonArray> WarmUpUntilSettledAsync(string figure, TextWriter log, Func<Task<double>> round)
    {
        const int minRounds = 12, maxRounds = 20, settledRounds = 3;
        var rounds = new List<double>();
        while (rounds.Count < maxRounds)
        {
            rounds.Add(Math.Round(await round(), 2));
            var last = rounds.TakeLast(settledRounds).ToList();
            if (rounds.Count >= minRounds && last.Max() <= 1.1 * last.Min())
            {
                break;
            }
        }

        log.WriteLine($"    {figure} in each warm-up round: {string.Join(", ", rounds.Select(r => $"{r} ms"))}");
        return new JsonArray([.. rounds.Select(r => JsonValue.Create(r))]);
    }

    /// <summary>S1 alternates API and raw rounds at each client count (<see cref="LoadRunner.RunInterleavedAsync"/>).</summary>
    private const int TransitionRounds = 4;

    /// <summary>Runs a load against the API and reads what it cost the API: CPU per request and the peak RSS sampled meanwhile.</summary>
    private static Task<(LoadResult Result, double CpuMsPerRequest, double PeakRssMiB)> MeasureApiAsync(ApiHost api, Func<Task<LoadResult>> run) =>
        MeasureApiAsync(api, run, result => result.Total);

    /// <summary>
    /// The same for a run that also sends raw SQL: the API's CPU time is divided by the requests it served
    /// (<paramref name="apiRequests"/>); its background work during the raw rounds counts too.
    /// </summary>
    private static async Task<(T Result, double CpuMsPerRequest, double PeakRssMiB)> MeasureApiAsync<T>(ApiHost api, Func<Task<T>> run, Func<T, int> apiRequests)
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
        var cpuBefore = api.CpuSeconds();
        var result = await run();
        var cpu = (api.CpuSeconds() - cpuBefore) * 1000 / Math.Max(1, apiRequests(result));
        await sampling.CancelAsync();
        return (result, cpu, await sampler);
    }

    public static void AddWorkflowFigures(Report report, IReadOnlyList<WorkflowResult> results, double s1MedianMs)
    {
        var rows = new JsonArray();
        foreach (var state in results.Select(r => r.State).Distinct())
        {
            var machine = results.First(r => r.State == state && r.Method == nameof(WorkflowBenchmarks.Workflow));
            var switched = results.First(r => r.State == state && r.Method == nameof(WorkflowBenchmarks.HandWritten));
            report.Add(new Figure("S3", $"build machine + Options(), lead in {state}", machine.MedianNs / 1000, "µs", switched.MedianNs / 1000, machine.MedianNs / switched.MedianNs,
                Note: "baseline: hand-written switch"));
            rows.Add(new JsonObject
            {
                ["state"] = state.ToString(),
                ["workflowMedianNs"] = machine.MedianNs,
                ["workflowAllocatedBytes"] = machine.AllocatedBytes,
                ["switchMedianNs"] = switched.MedianNs,
                ["switchAllocatedBytes"] = switched.AllocatedBytes,
            });
        }

        var worst = results.Where(r => r.Method == nameof(WorkflowBenchmarks.Workflow)).MaxBy(r => r.MedianNs)!;
        var known = !double.IsNaN(s1MedianMs);
        var s1Us = s1MedianMs * 1000;
        var share = worst.MedianNs / 1000 / s1Us;
        report.Add(new Figure("S3", $"worst case ({worst.State}) against S1's median latency", worst.MedianNs / 1000, "µs",
            known ? s1Us : null, known ? share : null, "≤ 0.01× (1%)", known ? share <= 0.01 : null,
            known ? "baseline: S1 p50, 1 client" : "S1 not run"));
        report.Details["s3"] = new JsonObject { ["job"] = "ShortRun, in-process", ["byState"] = rows, ["s1MedianMs"] = double.IsNaN(s1MedianMs) ? null : s1MedianMs };
    }

    private static JsonArray Statements(IReadOnlyList<StatementCount> statements, int requests)
    {
        var array = new JsonArray();
        foreach (var s in statements)
        {
            array.Add(new JsonObject
            {
                ["perRequest"] = Math.Round(s.Calls / (double)requests, 2),
                ["queryId"] = s.QueryId,
                ["query"] = string.Join(' ', s.Query.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries)),
            });
        }

        return array;
    }

    private static JsonObject Load(LoadResult r) => new()
    {
        ["perSecond"] = Math.Round(r.PerSecond, 1),
        ["completed"] = r.Completed,
        ["errors"] = r.Errors,
        ["firstError"] = r.FirstError,
        ["latencyMs"] = Latency(r.Latency),
    };

    private static JsonObject Latency(LatencyStats l) => new()
    {
        ["count"] = l.Count,
        ["p50"] = Math.Round(l.P50Ms, 3),
        ["p95"] = Math.Round(l.P95Ms, 3),
        ["p99"] = Math.Round(l.P99Ms, 3),
        ["max"] = Math.Round(l.MaxMs, 3),
        ["mean"] = Math.Round(l.MeanMs, 3),
    };

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : LatencyStats.Percentile(sorted, 50);
    }
}
