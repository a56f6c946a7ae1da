using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using L2R.Bench;
using L2R.Bench.Infrastructure;
using L2R.Bench.Reporting;
using L2R.Bench.Scenarios;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (BenchOptions.HelpRequested)
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"bench: {e.Message}\n{BenchOptions.Usage}");
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var clock = Stopwatch.StartNew();
var log = Console.Out;
var report = new Report();
var run = new JsonObject
{
    ["startedAt"] = DateTime.UtcNow.ToString("O"),
    ["machine"] = new JsonObject
    {
        ["cores"] = Environment.ProcessorCount,
        ["os"] = RuntimeInformation.OSDescription,
        ["runtime"] = RuntimeInformation.FrameworkDescription,
    },
    ["settings"] = new JsonObject
    {
        ["scenarios"] = string.Join(',', options.Scenarios.Order()),
        ["clients"] = string.Join(',', options.Clients),
        ["warmupSeconds"] = options.Warmup.TotalSeconds,
        ["durationSeconds"] = options.Duration.TotalSeconds,
        ["leads"] = options.Leads,
        ["users"] = options.Users,
        ["boardSizes"] = string.Join(',', options.BoardSizes),
        ["boardRequests"] = options.BoardRequests,
        ["activationLeads"] = options.ActivationLeads,
        ["sqlite"] = options.Sqlite,
        ["metricsLeads"] = options.MetricsLeads,
        ["metricsRequests"] = options.MetricsRequests,
        ["importRows"] = options.ImportRows,
    },
};
Directory.CreateDirectory(options.Output);
log.WriteLine($"L2R bench → {options.Output}");

try
{
    run["commit"] = (await Proc.RunAsync("git", ["-C", options.Repo, "describe", "--always", "--dirty"], ct: cancel.Token)).Trim();
}
catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
{
    run["commit"] = null;
}

IReadOnlyList<WorkflowResult> workflow = [];
var s1Median = double.NaN;
try
{
    if (options.Runs("s3"))
    {
        log.WriteLine("S3 state machine (BenchmarkDotNet, ShortRun, in-process) ...");
        workflow = WorkflowBenchmarks.Run(Path.Combine(options.Output, "bdn"), options.Verbose);
    }

    if (options.NeedsServer)
    {
        s1Median = await ServerScenarios.RunAsync(options, report, log, cancel.Token);
    }
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.Error.WriteLine("bench: cancelled; the database and the API were stopped.");
    return 130;
}
catch (Exception e)
{
    Console.Error.WriteLine($"bench: {e}");
    return 1;
}

if (workflow.Count > 0)
{
    ServerScenarios.AddWorkflowFigures(report, workflow, s1Median);
}

run["durationSeconds"] = Math.Round(clock.Elapsed.TotalSeconds, 1);
var jsonPath = Path.Combine(options.Output, "results.json");
report.WriteJson(jsonPath, run);
log.WriteLine();
log.Write(report.ToTable());
log.WriteLine();
log.WriteLine($"Bench took {clock.Elapsed.TotalMinutes:0.0} min; results in {Path.GetRelativePath(options.Repo, jsonPath)}.");
return 0;
