using Npgsql;

namespace L2R.Bench.Infrastructure;

/// <summary>
/// A PostgreSQL cluster of its own in a temporary folder on a free loopback port (run as the postgres user when we
/// are root), with pg_stat_statements loaded so statements per request can be counted. Durability is off: the bench
/// measures CPU and round trips, not the disk of a shared machine. Removed on dispose.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    public const string Database = "l2r";

    /// <summary>The API connects as this role and the raw baseline as <see cref="RawRole"/>, so their statements are counted apart.</summary>
    public const string ApiRole = "l2r_api";
    public const string RawRole = "l2r_raw";

    private readonly string _bin;
    private readonly string _dataDir;

    private ThrowawayPostgres(string bin, string dataDir, int port)
    {
        _bin = bin;
        _dataDir = dataDir;
        Port = port;
    }

    public int Port { get; }

    public string Version { get; private set; } = "";

    public string ServerLog => Path.Combine(_dataDir, "server.log");

    /// <summary>The owner's connection for the API's migrations when the API connects as <paramref name="apiConnection"/>.</summary>
    public static string OwnerConnectionFor(string apiConnection) =>
        new NpgsqlConnectionStringBuilder(apiConnection) { Username = "postgres", ApplicationName = "l2r-migrations" }.ConnectionString;

    public string ConnectionString(string role, string? applicationName = null) =>
        $"Host=127.0.0.1;Port={Port};Username={role};Database={Database};Application Name={applicationName ?? role};Maximum Pool Size=200";

    public static async Task<ThrowawayPostgres> StartAsync(CancellationToken ct)
    {
        var bin = FindBinDirectory();
        var dataDir = Directory.CreateTempSubdirectory("l2r-bench-pg-").FullName;
        var port = Proc.FreePort();
        var server = new ThrowawayPostgres(bin, dataDir, port);
        try
        {
            await server.InitializeAsync(ct);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private async Task InitializeAsync(CancellationToken ct)
    {
        if (Proc.IsRoot)
        {
            await Proc.RunAsync("chown", ["postgres:postgres", _dataDir], ct: ct);
        }

        await RunPgAsync("initdb", ["-D", _dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"], ct);
        var settings = string.Join(' ',
            "-c listen_addresses=127.0.0.1", $"-p {Port}", $"-k {_dataDir}",
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off",
            "-c max_connections=300", "-c log_line_prefix='%m [%p] %a: '",
            "-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track_utility=on -c pg_stat_statements.max=10000");
        await RunPgAsync("pg_ctl", ["-D", _dataDir, "-l", ServerLog, "-w", "-t", "60", "-o", settings, "start"], ct);

        await using var admin = new NpgsqlConnection($"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false");
        await admin.OpenAsync(ct);
        Version = admin.ServerVersion;
        foreach (var sql in new[]
                 {
                     // As in production and the tests (docs/decisions/0014): the API's role owns nothing and bypasses no
                     // row-level security; the API migrates as the owner (the server's superuser here) and grants it the rest.
                     $"CREATE ROLE {ApiRole} LOGIN NOSUPERUSER NOBYPASSRLS",
                     $"CREATE ROLE {RawRole} LOGIN SUPERUSER",
                     $"CREATE DATABASE {Database}",
                 })
        {
            await using var command = new NpgsqlCommand(sql, admin);
            await command.ExecuteNonQueryAsync(ct);
        }

        await using var db = OpenAdmin();
        await using (var extension = new NpgsqlCommand("CREATE EXTENSION pg_stat_statements", db))
        {
            await extension.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>An unpooled superuser connection to the bench database, for set-up and statistics.</summary>
    public NpgsqlConnection OpenAdmin()
    {
        var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={Port};Username=postgres;Database={Database};Pooling=false;Command Timeout=300");
        connection.Open();
        return connection;
    }

    /// <summary>
    /// Runs <paramref name="action"/> with every statement logged, and returns what the given application sent
    /// (statements and their parameters), so the raw baselines can be checked against what the API sends today.
    /// </summary>
    public async Task<string> CaptureStatementsAsync(string applicationName, Func<Task> action, CancellationToken ct)
    {
        var from = new FileInfo(ServerLog).Length;
        await SetAsync("log_statement", "all", ct);
        try
        {
            await action();
        }
        finally
        {
            await SetAsync("log_statement", "none", ct);
        }

        await using var stream = new FileStream(ServerLog, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(from, SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        var mine = false;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (!line.StartsWith('\t'))
            {
                mine = line.Contains($" {applicationName}: ", StringComparison.Ordinal);
            }

            if (mine)
            {
                lines.Add(line);
            }
        }

        return string.Join('\n', lines);
    }

    private async Task SetAsync(string setting, string value, CancellationToken ct)
    {
        await using var connection = OpenAdmin();
        await using (var alter = new NpgsqlCommand($"ALTER SYSTEM SET {setting} = '{value}'", connection))
        {
            await alter.ExecuteNonQueryAsync(ct);
        }

        await using var reload = new NpgsqlCommand("SELECT pg_reload_conf()", connection);
        await reload.ExecuteNonQueryAsync(ct);

        // The reload reaches the other backends asynchronously.
        await Task.Delay(200, ct);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunPgAsync("pg_ctl", ["-D", _dataDir, "-m", "immediate", "-w", "stop"], CancellationToken.None);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            await Console.Error.WriteLineAsync($"bench: could not stop PostgreSQL: {e.Message}");
        }

        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // A stray file held open; the folder is under /tmp.
        }
    }

    private Task<string> RunPgAsync(string tool, string[] args, CancellationToken ct) =>
        Proc.IsRoot
            ? Proc.RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. args], ct: ct)
            : Proc.RunAsync(Path.Combine(_bin, tool), args, ct: ct);

    private static string FindBinDirectory()
    {
        if (Environment.GetEnvironmentVariable("L2R_PG_BIN") is { Length: > 0 } configured)
        {
            return configured;
        }

        const string root = "/usr/lib/postgresql";
        var candidates = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => (Dir: Path.Combine(d, "bin"), Major: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(c => File.Exists(Path.Combine(c.Dir, "initdb")))
                .OrderByDescending(c => c.Major)
                .ToList()
            : [];
        return candidates.Count > 0
            ? candidates[0].Dir
            : throw new InvalidOperationException("No PostgreSQL server found under /usr/lib/postgresql (apt-get install postgresql, or set L2R_PG_BIN).");
    }
}
