using System.Diagnostics;
using System.Globalization;

namespace L2R.Bench.Infrastructure;

/// <summary>
/// The API as it ships: published in Release to a folder of the bench's own (so concurrent builds of the repository
/// are not disturbed, and the OpenAPI/TypeScript generation is skipped), started with <c>dotnet L2R.Api.dll</c>
/// against the throwaway PostgreSQL. Its console output goes straight to a file, as it would on a server.
/// </summary>
public sealed class ApiHost : IAsyncDisposable
{
    private readonly Process _process;

    private ApiHost(Process process, string baseUrl, string logFile)
    {
        _process = process;
        BaseUrl = baseUrl;
        LogFile = logFile;
    }

    public string BaseUrl { get; }

    public string LogFile { get; }

    public int ProcessId => _process.Id;

    public static async Task<string> PublishAsync(string repo, string outputRoot, TextWriter log, CancellationToken ct)
    {
        var buildRoot = Path.Combine(outputRoot, "build");
        log.WriteLine($"  publishing api/L2R.Api (Release) to {Path.GetRelativePath(repo, buildRoot)}/publish ...");
        await Proc.RunAsync(
            "dotnet",
            [
                "publish", Path.Combine(repo, "api", "L2R.Api"), "-c", "Release", "--nologo", "-v", "quiet",
                "--artifacts-path", buildRoot, "-p:SkipNSwag=true", "-p:OpenApiGenerateDocumentsOnBuild=false",
            ],
            env: new Dictionary<string, string> { ["DOTNET_NOLOGO"] = "1", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" },
            timeout: TimeSpan.FromMinutes(10),
            ct: ct);
        return Path.Combine(buildRoot, "publish", "L2R.Api", "release");
    }

    /// <summary>
    /// Starts the published API on PostgreSQL (or, with no <paramref name="connectionString"/> and settings that say so,
    /// another provider); <paramref name="settings"/> override its configuration (keys such as <c>Logging:LogLevel:X</c>
    /// or <c>Database:Provider</c>, or <c>env:NAME</c> for a runtime environment variable).
    /// </summary>
    public static async Task<ApiHost> StartAsync(
        string publishDir, string? connectionString, string signingKey, string logFile, IDictionary<string, string>? settings, CancellationToken ct)
    {
        var port = Proc.FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var dll = Path.Combine(publishDir, "L2R.Api.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"No published API at {dll}.");
        }

        // exec: the shell becomes the API process, so its pid is the one whose memory we read. Overrides go on the
        // command line (--Key=Value): a shell drops environment variables whose names hold a dot.
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, WorkingDirectory = publishDir };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("log=$1; shift; exec dotnet \"$@\" >>\"$log\" 2>&1");
        info.ArgumentList.Add("sh");
        info.ArgumentList.Add(logFile);
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(baseUrl);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            if (!key.StartsWith("env:", StringComparison.Ordinal))
            {
                info.ArgumentList.Add($"--{key}={value}");
            }
        }

        var env = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_NOLOGO"] = "1",
            ["Database__Provider"] = "Postgres",
            ["Auth__SigningKey"] = signingKey,
            ["Auth__AccessTokenMinutes"] = "180",
            ["Seed__DemoTenant"] = "false",
            ["Sweep__IntervalMinutes"] = "0",
            ["RateLimits__Enabled"] = "false",
        };
        if (connectionString is not null)
        {
            env["ConnectionStrings__L2R"] = connectionString;
            env["ConnectionStrings__L2RMigrations"] = ThrowawayPostgres.OwnerConnectionFor(connectionString);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            if (key.StartsWith("env:", StringComparison.Ordinal))
            {
                env[key["env:".Length..]] = value;
            }
        }

        foreach (var (key, value) in env)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the API.");
        var host = new ApiHost(process, baseUrl, logFile);
        try
        {
            await host.WaitReadyAsync(ct);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Peak resident set since the process started (VmHWM), in MiB.</summary>
    public double PeakRssMiB() => ReadStatusKiB("VmHWM") / 1024.0;

    public double CurrentRssMiB() => ReadStatusKiB("VmRSS") / 1024.0;

    /// <summary>User + system CPU the API has used so far (/proc/PID/stat, in clock ticks of 1/100 s).</summary>
    public double CpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitReadyAsync(CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The API exited with {_process.ExitCode}; see {LogFile}:\n{Tail(LogFile)}");
            }

            try
            {
                using var response = await http.GetAsync($"{BaseUrl}/health/ready", ct);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // Slow start on a busy machine.
            }

            await Task.Delay(250, ct);
        }

        throw new TimeoutException($"The API was not ready after 2 minutes; see {LogFile}:\n{Tail(LogFile)}");
    }

    private long ReadStatusKiB(string field)
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"/proc/{_process.Id}/status has no {field}.");
    }

    private static string Tail(string file) =>
        File.Exists(file) ? string.Join('\n', File.ReadLines(file).TakeLast(40)) : "(no log)";
}
