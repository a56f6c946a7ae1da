using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace L2R.Api.Tests.Infrastructure;

/// <summary>
/// The API as its own operating-system process (the build's L2R.Api.dll, in the configuration the tests were built
/// in), on a port of its own, so a test can kill it outright (SIGKILL, as <c>kill -9</c>) and start it again on the
/// same database.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, string> _settings;
    private Process? _process;
    private TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ApiProcess(IReadOnlyDictionary<string, string> settings, int port)
    {
        _settings = settings;
        Port = port;
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    /// <summary>Completes when the process answers ready; a kill starts a new wait.</summary>
    public Task Ready => _ready.Task;

    /// <summary>
    /// Starts the API with the test settings of <see cref="L2RApiFactory"/> plus <paramref name="settings"/>
    /// (configuration keys such as <c>Database:Provider</c>, which win), on <paramref name="port"/> or a free one.
    /// </summary>
    public static async Task<ApiProcess> StartAsync(IReadOnlyDictionary<string, string> settings, int? port = null)
    {
        var process = new ApiProcess(settings, port ?? FreePort());
        await process.RestartAsync();
        return process;
    }

    public async Task RestartAsync()
    {
        var start = new ProcessStartInfo("dotnet", [ApiAssembly()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(ApiAssembly())!,
        };
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = BaseAddress.ToString(),
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["Auth__SigningKey"] = L2RApiFactory.SigningKey,
            ["Auth__Issuer"] = L2RApiFactory.Issuer,
            ["Auth__Audience"] = L2RApiFactory.Audience,
            ["Seed__DemoTenant"] = "false",
            ["Sweep__IntervalMinutes"] = "0",
            ["Sla__CheckIntervalSeconds"] = "0",
            ["Reviews__BriefCheckMinutes"] = "0",
            ["RateLimits__Enabled"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in _settings)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilReadyAsync();
        _ready.TrySetResult();
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing; whatever was in flight is cut off.</summary>
    public void Kill()
    {
        if (_ready.Task.IsCompleted)
        {
            _ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        _process?.Kill(entireProcessTree: true);
        _process?.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            Kill();
        }

        _process?.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"The API process exited with {_process.ExitCode} while starting.");
            }

            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The API process was not ready within 120 s.");
    }

    /// <summary>The API's build output beside this test assembly's: the same configuration (Debug or Release) and framework.</summary>
    private static string ApiAssembly()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        for (var directory = testOutput; directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "api", "L2R.Api", "bin", configuration, framework, "L2R.Api.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"api/L2R.Api/bin/{configuration}/{framework}/L2R.Api.dll was not found above the test assembly; build the solution first.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
