using L2R.Api.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace L2R.Api.Tests.Infrastructure;

/// <summary>
/// The real API over HTTP on one provider's fresh database. Tests sign up their own tenants, so the classes that
/// share a factory never see each other's rows.
/// </summary>
public abstract class L2RApiFactory : WebApplicationFactory<Program>
{
    /// <summary>A test-only key: tests forge tokens with it and with others to prove what the API refuses.</summary>
    public const string SigningKey = "dGVzdC1vbmx5LXNpZ25pbmcta2V5LWZvci1sMnItYXBpLXRlc3RzLTY0LWJ5dGVzLWxvbmctZW5vdWdoLSE=";
    public const string Issuer = "l2r-tests";
    public const string Audience = "l2r-api";

    public abstract DatabaseProvider Provider { get; }

    public TestClock Clock { get; } = new();

    public ConflictInjector Conflicts { get; } = new();

    protected abstract string ConnectionString { get; }

    /// <summary>The owner's, when the application connects as a role of its own; migrations run as the owner.</summary>
    protected virtual string? OwnerConnectionString => null;

    protected override IHost CreateHost(IHostBuilder builder)
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            PostgresApiFactory.EnsureAppRole();
        }

        builder.UseEnvironment("Testing");
        return base.CreateHost(builder);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:L2R", ConnectionString);
        if (OwnerConnectionString is { } owner)
        {
            builder.UseSetting("ConnectionStrings:L2RMigrations", owner);
        }

        builder.UseSetting("Auth:SigningKey", SigningKey);
        builder.UseSetting("Auth:Issuer", Issuer);
        builder.UseSetting("Auth:Audience", Audience);
        builder.UseSetting("Seed:DemoTenant", "false");
        builder.UseSetting("Sweep:IntervalMinutes", "0");
        builder.UseSetting("Sla:CheckIntervalSeconds", "0");
        builder.UseSetting("Reviews:BriefCheckMinutes", "0");

        // Tests fold the board counts by hand (BoardCountCheck.FoldAsync); the counts are right folded or not.
        builder.UseSetting("BoardCounts:FoldIntervalSeconds", "0");

        // Small import batches, so a few thousand rows make a run long enough to cancel halfway.
        builder.UseSetting("Import:BatchRows", "500");
        builder.UseSetting("Import:SqliteBatchRows", "500");

        // Tests run the outbox relay by hand (OutboxRelay.RunOnceAsync), so they know when deliveries go out.
        builder.UseSetting("Webhooks:RelayIntervalMilliseconds", "0");

        // Only RateLimitTests turn the limits on: the other tests sign up and sign in far faster than any person.
        builder.UseSetting("RateLimits:Enabled", "false");

        builder.ConfigureServices(services =>
        {
            // Hashing strength is not under test; the default 100,000 iterations cost ~50 ms per sign-in on these machines.
            services.Configure<PasswordHasherOptions>(options => options.IterationCount = 1_000);
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            AddInterceptor(services);
        });
    }

    private void AddInterceptor(IServiceCollection services)
    {
        switch (Provider)
        {
            case DatabaseProvider.Postgres:
                services.ConfigureDbContext<PostgresL2RDbContext>(options => options.AddInterceptors(Conflicts));
                break;
            default:
                services.ConfigureDbContext<SqliteL2RDbContext>(options => options.AddInterceptors(Conflicts));
                break;
        }
    }
    /// <summary>Another API process on this factory's database, as after a restart or on a second instance; it leaves the database to this factory.</summary>
    public abstract L2RApiFactory SameDatabase();

    public T WithScope<T>(Func<IServiceProvider, T> work)
    {
        using var scope = Services.CreateScope();
        return work(scope.ServiceProvider);
    }
}

public sealed class SqliteApiFactory : L2RApiFactory
{
    private readonly string _path;
    private readonly bool _ownsDatabase;

    public SqliteApiFactory()
        : this(Path.Combine(Path.GetTempPath(), $"l2r-test-{Guid.NewGuid():N}.db"), ownsDatabase: true)
    {
    }

    private SqliteApiFactory(string path, bool ownsDatabase) => (_path, _ownsDatabase) = (path, ownsDatabase);

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override string ConnectionString => $"Data Source={_path};Default Timeout=15";

    public override L2RApiFactory SameDatabase() => new SqliteApiFactory(_path, ownsDatabase: false);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!_ownsDatabase)
        {
            return;
        }

        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }
}

/// <summary>
/// A fresh database on the throwaway PostgreSQL server that scripts/test.sh starts; its connection string comes from
/// L2R_TEST_POSTGRES. Without it these tests fail with instructions rather than pass unseen. As in production, the API
/// connects as <see cref="AppRole"/>, which owns nothing and bypasses no row-level security, while the migrations run
/// as the server's superuser: every PostgreSQL test runs behind both walls between tenants.
/// </summary>
public sealed class PostgresApiFactory : L2RApiFactory
{
    public const string AppRole = "l2r_app";

    /// <summary>Once per test run, whichever class comes first; roles belong to the server, not to one database.</summary>
    private static readonly Lazy<Task> RoleCreated = new(CreateAppRoleAsync);

    private readonly string _database;

    public PostgresApiFactory()
        : this($"l2r_test_{Guid.NewGuid():N}")
    {
    }

    private PostgresApiFactory(string database) => _database = database;

    public override L2RApiFactory SameDatabase() => new PostgresApiFactory(_database);

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("L2R_TEST_POSTGRES")
        ?? throw new InvalidOperationException("Set L2R_TEST_POSTGRES to a PostgreSQL connection string (scripts/test.sh starts a throwaway server and sets it).");

    /// <summary>The owner's connection to this factory's database, to see what is really stored, past every wall.</summary>
    public string OwnerConnection => OwnerConnectionFor(_database);

    protected override string ConnectionString => AppConnectionFor(_database);

    protected override string OwnerConnectionString => OwnerConnectionFor(_database);

    /// <summary>The application's connection to <paramref name="database"/>, as <see cref="AppRole"/>.</summary>
    public static string AppConnectionFor(string database) =>
        new NpgsqlConnectionStringBuilder(OwnerConnectionFor(database)) { Username = AppRole, Password = AppRole }.ConnectionString;

    /// <summary>The owner's, which migrates: the server's superuser, who also creates the database.</summary>
    public static string OwnerConnectionFor(string database) => $"{ServerConnectionString};Database={database}";

    public static void EnsureAppRole() => RoleCreated.Value.GetAwaiter().GetResult();

    /// <summary>Test runs of several branches may share a server, so the role is created only where missing, under a lock.</summary>
    private static async Task CreateAppRoleAsync()
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            SELECT pg_advisory_lock(7413);
            DO $$
            BEGIN
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{AppRole}') THEN
                    CREATE ROLE {AppRole} LOGIN PASSWORD '{AppRole}' NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
                END IF;
            END $$;
            SELECT pg_advisory_unlock(7413);
            """, connection);
        await command.ExecuteNonQueryAsync();
    }
}
