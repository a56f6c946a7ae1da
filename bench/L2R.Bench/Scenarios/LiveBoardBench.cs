using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using L2R.Bench.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using StackExchange.Redis;

namespace L2R.Bench.Scenarios;

/// <summary>
/// S10: the live board scaled out. Three API processes on the bench's PostgreSQL and one redis-server, behind nginx;
/// a board connected through nginx (so usually to another instance than the one a move lands on) times each move from
/// its commit (the push's <c>at</c>, stamped on the same machine's clock) to the push arriving. The raw baseline is a
/// Redis PUBLISH → SUBSCRIBE round trip on the same server, the hop every cross-instance push takes.
/// </summary>
internal sealed class LiveBoardBench : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("l2r-bench-live-").FullName;
    private readonly List<Process> _processes = [];
    private readonly List<ApiHost> _apis = [];

    private LiveBoardBench(int redisPort) => RedisPort = redisPort;

    public int RedisPort { get; }

    public string BalancerUrl { get; private set; } = "";

    public static async Task<LiveBoardBench> StartAsync(string publishDir, string connectionString, string signingKey, string output, TextWriter log, CancellationToken ct)
    {
        var bench = new LiveBoardBench(Proc.FreePort());
        try
        {
            bench.Start("redis-server", ["--port", bench.RedisPort.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", bench._folder]);
            for (var i = 0; i < 3; i++)
            {
                var api = await ApiHost.StartAsync(publishDir, connectionString, signingKey, Path.Combine(output, $"s10-api-{i}.log"),
                    new Dictionary<string, string> { ["Redis:Configuration"] = $"127.0.0.1:{bench.RedisPort}" }, ct);
                bench._apis.Add(api);
                log.WriteLine($"    instance {i}: pid {api.ProcessId} at {api.BaseUrl}");
            }

            var port = Proc.FreePort();
            var conf = Path.Combine(bench._folder, "nginx.conf");
            await File.WriteAllTextAsync(conf, bench.NginxConf(port), ct);
            bench.Start(File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx", ["-p", bench._folder, "-c", conf, "-g", "daemon off;"]);
            bench.BalancerUrl = $"http://127.0.0.1:{port}";
            using var http = new HttpClient { BaseAddress = new Uri(bench.BalancerUrl) };
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    if ((await http.GetAsync("/health/ready", ct)).StatusCode == HttpStatusCode.OK)
                    {
                        break;
                    }
                }
                catch (HttpRequestException) when (attempt < 100)
                {
                }

                await Task.Delay(100, ct);
            }

            return bench;
        }
        catch
        {
            await bench.DisposeAsync();
            throw;
        }
    }

    /// <summary>Milliseconds from each move's commit to its push on a board connected through the balancer.</summary>
    public async Task<IReadOnlyList<double>> MeasurePushesAsync(int moves, TextWriter log, CancellationToken ct)
    {
        var client = new ApiClient(ApiClient.CreateHttpClient(BalancerUrl));
        var tenant = await client.SignUpAsync($"Live {Guid.NewGuid():N}"[..20], ct);
        var admin = await client.LoginAsync(tenant.Slug, tenant.AdminEmail, ct);
        var marketing = await client.AddUserAsync(admin, tenant.Slug, "Live Marketing", ["Marketing"], ct);
        var sales = await client.AddUserAsync(admin, tenant.Slug, "Live Sales", ["Sales"], ct);
        log.WriteLine($"    making {moves} MQLs ...");
        var leads = new List<Guid>();
        for (var i = 0; i < moves; i++)
        {
            var created = await client.CreateLeadAsync(marketing, new
            {
                firstName = "Vera", lastName = $"Live {i}", email = $"vera.{Guid.NewGuid():N}@globex.example", phone = "+1 555 010 2020", title = "VP Operations",
                company = "Globex", companySize = 500, industry = "Software", source = "Webinar",
            }, ct);
            var id = Guid.Parse(created["lead"]!["id"]!.GetValue<string>());
            await client.RecordActivityAsync(marketing, id, "Webinar", ct);
            await client.RecordActivityAsync(marketing, id, "FormSubmission", ct);
            leads.Add(id);
        }

        var arrived = new ConcurrentDictionary<Guid, double>();
        await using var board = new HubConnectionBuilder()
            .WithUrl($"{BalancerUrl}/hubs/board", options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(marketing.AccessToken);
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            })
            .Build();
        board.On<JsonObject>("leadChanged", change =>
        {
            var received = DateTime.UtcNow;
            // Only the timed moves: the auto-advances that made the MQLs may still be arriving.
            if (change["kind"]?.GetValue<string>() == "moved" && change["card"]?["state"]?.GetValue<string>() == "SalesAccepted")
            {
                arrived.TryAdd(change["leadId"]!.GetValue<Guid>(), (received - change["at"]!.GetValue<DateTime>().ToUniversalTime()).TotalMilliseconds);
            }
        });
        await board.StartAsync(ct);

        log.WriteLine($"    {moves} moves through nginx, one at a time ...");
        foreach (var lead in leads)
        {
            await client.SendAsync(HttpMethod.Post, $"/api/leads/{lead}/transitions", sales, new { trigger = "Accept" }, HttpStatusCode.OK, ct);
        }

        var until = DateTime.UtcNow.AddSeconds(10);
        while (arrived.Count < moves && DateTime.UtcNow < until)
        {
            await Task.Delay(50, ct);
        }

        if (arrived.Count < moves)
        {
            throw new InvalidOperationException($"Only {arrived.Count} of {moves} moves reached the board.");
        }

        return [.. arrived.Values];
    }

    /// <summary>Milliseconds from PUBLISH to the subscriber's callback, one message at a time.</summary>
    public async Task<IReadOnlyList<double>> MeasureRedisAsync(int messages, CancellationToken ct)
    {
        await using var publisher = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{RedisPort}");
        await using var subscriber = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{RedisPort}");
        var channel = RedisChannel.Literal("l2r-bench");
        var samples = new List<double>();
        TaskCompletionSource<double>? waiting = null;
        var clock = Stopwatch.StartNew();
        await subscriber.GetSubscriber().SubscribeAsync(channel, (_, message) => waiting?.TrySetResult(clock.Elapsed.TotalMilliseconds - (double)message));
        for (var i = 0; i < messages; i++)
        {
            waiting = new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously);
            await publisher.GetSubscriber().PublishAsync(channel, clock.Elapsed.TotalMilliseconds);
            samples.Add(await waiting.Task.WaitAsync(TimeSpan.FromSeconds(5), ct));
        }

        return samples;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var api in _apis)
        {
            await api.DisposeAsync();
        }

        foreach (var process in _processes.Where(p => !p.HasExited))
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    private void Start(string file, IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _folder };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _processes.Add(process);
    }

    private string NginxConf(int port) => $$"""
        worker_processes 1;
        error_log {{_folder}}/nginx-error.log warn;
        pid {{_folder}}/nginx.pid;
        events { worker_connections 1024; }
        http {
            access_log off;
            client_body_temp_path {{_folder}}/client_body;
            proxy_temp_path {{_folder}}/proxy;
            fastcgi_temp_path {{_folder}}/fastcgi;
            uwsgi_temp_path {{_folder}}/uwsgi;
            scgi_temp_path {{_folder}}/scgi;
            map $http_upgrade $connection_upgrade { default upgrade; '' close; }
            upstream l2r {
        {{string.Concat(_apis.Select(a => $"        server {new Uri(a.BaseUrl).Authority};\n"))}}
            }
            server {
                listen 127.0.0.1:{{port}};
                location / {
                    proxy_pass http://l2r;
                    proxy_http_version 1.1;
                    proxy_set_header Upgrade $http_upgrade;
                    proxy_set_header Connection $connection_upgrade;
                    proxy_set_header Host $host;
                    proxy_read_timeout 120s;
                }
            }
        }
        """;
}
