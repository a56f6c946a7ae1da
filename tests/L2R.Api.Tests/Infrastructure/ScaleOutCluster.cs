using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Npgsql;

namespace L2R.Api.Tests.Infrastructure;

/// <summary>
/// L2R scaled out on this machine, as production runs it: three API processes (the built L2R.Api.dll) on one fresh
/// PostgreSQL database and one redis-server, behind nginx, all on 127.0.0.1 with free ports and a temporary folder.
/// Every process it starts is killed when it is disposed.
/// </summary>
public sealed class ScaleOutCluster : IAsyncLifetime
{
    public const int Instances = 3;

    private readonly string _folder = Directory.CreateTempSubdirectory("l2r-scale-out-").FullName;
    private readonly string _database = $"l2r_test_{Guid.NewGuid():N}";
    private readonly List<Process> _others = [];
    private readonly ApiProcess?[] _apis = new ApiProcess?[Instances];
    private readonly int[] _apiPorts = new int[Instances];

    public int RedisPort { get; } = ApiProcess.FreePort();

    public int BalancerPort { get; } = ApiProcess.FreePort();

    /// <summary>The load balancer's address: requests land on any live instance.</summary>
    public Uri Balancer => new($"http://127.0.0.1:{BalancerPort}");

    /// <summary>The owner's connection: what is really stored, past the row-level security the instances run behind.</summary>
    public string ConnectionString => PostgresApiFactory.OwnerConnectionFor(_database);

    /// <summary>Instance <paramref name="index"/>'s own address (0 is A, 2 is C).</summary>
    public Uri Instance(int index) => new($"http://127.0.0.1:{_apiPorts[index]}");

    public async Task InitializeAsync()
    {
        for (var i = 0; i < Instances; i++)
        {
            _apiPorts[i] = ApiProcess.FreePort();
        }

        _others.Add(Start("redis-server", ["--port", RedisPort.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", _folder], "redis"));
        await WaitAsync(() => PortOpenAsync(RedisPort), "redis-server");

        // The first instance migrates the database; the others start on it once it is ready.
        await StartInstanceAsync(0);
        await Task.WhenAll(Enumerable.Range(1, Instances - 1).Select(StartInstanceAsync));

        var conf = Path.Combine(_folder, "nginx.conf");
        await File.WriteAllTextAsync(conf, NginxConf());
        _others.Add(Start(File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx", ["-p", _folder, "-c", conf, "-g", "daemon off;"], "nginx"));
        await WaitAsync(() => ReadyAsync(Balancer), "nginx");
    }

    public async Task DisposeAsync()
    {
        foreach (var api in _apis.OfType<ApiProcess>())
        {
            await api.DisposeAsync();
        }

        foreach (var process in _others)
        {
            Stop(process);
        }

        await using (var server = new NpgsqlConnection(PostgresApiFactory.ServerConnectionString))
        {
            await server.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", server);
            await drop.ExecuteNonQueryAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Kills instance <paramref name="index"/> with its process tree, as a crash would: no graceful shutdown.</summary>
    public void Kill(int index) => _apis[index]!.Kill();

    /// <summary>Starts instance <paramref name="index"/> (again) on its port and waits until it is ready.</summary>
    public async Task StartInstanceAsync(int index)
    {
        if (_apis[index] is { } api)
        {
            await api.RestartAsync();
            return;
        }

        PostgresApiFactory.EnsureAppRole();
        _apis[index] = await ApiProcess.StartAsync(
            new Dictionary<string, string>
            {
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:L2R"] = PostgresApiFactory.AppConnectionFor(_database),
                ["ConnectionStrings:L2RMigrations"] = ConnectionString,
                ["Redis:Configuration"] = $"127.0.0.1:{RedisPort}",

                // Background work often enough to see it shared (and not repeated) within a test.
                ["Sla:CheckIntervalSeconds"] = "1",
                ["Webhooks:RelayIntervalMilliseconds"] = "250",
            },
            _apiPorts[index]);
    }

    /// <summary>Signs up a tenant through the balancer; its admin's session.</summary>
    public async Task<ApiSession> SignUpAsync()
    {
        var email = $"admin@{Guid.NewGuid():N}.test";
        var signUp = await Client(Balancer).PostAsJsonAsync("/api/tenants", new { tenantName = $"Scale {Guid.NewGuid():N}"[..20], adminEmail = email, adminPassword = ApiSession.Password, adminName = "Ada Admin" });
        await ApiSession.Expect(signUp, HttpStatusCode.Created);
        return await LoginAsync(Balancer, (await signUp.Content.ReadFromJsonAsync<JsonObject>())!["slug"]!.GetValue<string>(), email);
    }

    /// <summary>A user of the admin's tenant with <paramref name="role"/>, signed in through the balancer.</summary>
    public async Task<ApiSession> AddUserAsync(ApiSession admin, string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.test";
        await ApiSession.Expect(await admin.Http.PostAsJsonAsync("/api/users", new { email, displayName = $"{role} user", password = ApiSession.Password, roles = new[] { role } }), HttpStatusCode.Created);
        return await LoginAsync(Balancer, admin.TenantSlug, email);
    }

    /// <summary>The same person, talking to <paramref name="address"/> only.</summary>
    public static ApiSession At(ApiSession session, Uri address)
    {
        var http = Client(address);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session.AccessToken);
        return new ApiSession(http, session.TenantSlug, session.TenantId, session.Email, session.AccessToken, session.RefreshToken);
    }

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    private static async Task<ApiSession> LoginAsync(Uri address, string tenant, string email)
    {
        var http = Client(address);
        var response = await http.PostAsJsonAsync("/api/auth/login", new { tenant, email, password = ApiSession.Password });
        await ApiSession.Expect(response, HttpStatusCode.OK);
        var tokens = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var access = tokens["accessToken"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access);
        return new ApiSession(http, tenant, Guid.Parse(tokens["user"]!["tenantId"]!.GetValue<string>()), email, access, tokens["refreshToken"]!.GetValue<string>());
    }

    private static HttpClient Client(Uri address) => new() { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };

    private string NginxConf() => $$"""
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
        {{string.Concat(_apiPorts.Select(p => $"        server 127.0.0.1:{p} max_fails=1 fail_timeout=2s;\n"))}}
            }
            server {
                listen 127.0.0.1:{{BalancerPort}};
                client_max_body_size 20m;
                location / {
                    proxy_pass http://l2r;
                    proxy_http_version 1.1;
                    proxy_set_header Upgrade $http_upgrade;
                    proxy_set_header Connection $connection_upgrade;
                    proxy_set_header Host $host;
                    proxy_read_timeout 120s;
                    proxy_next_upstream error timeout;
                }
            }
        }
        """;

    private Process Start(string file, IReadOnlyList<string> arguments, string name, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory ?? _folder };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var log = new StreamWriter(Path.Combine(_folder, name + ".log"), append: true) { AutoFlush = true };
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // It had already gone.
        }

        process.Dispose();
    }

    private static async Task<bool> ReadyAsync(Uri address)
    {
        try
        {
            using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
            return (await http.GetAsync("/health/ready")).IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static async Task<bool> PortOpenAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private async Task WaitAsync(Func<Task<bool>> ready, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(90);
        while (!await ready())
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"{what} did not become ready in 90 s. Logs in {_folder}.");
            }

            await Task.Delay(200);
        }
    }
}
