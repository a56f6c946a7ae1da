using L2R.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace L2R.Api.Infrastructure.Hosting;

/// <summary>
/// Migrates the database (and seeds the demo tenant for the embedded default) when the host starts, never before
/// <c>app.Run()</c>: the build-time OpenAPI generator runs Program.cs without starting hosted services. With an owner's
/// connection string the owner migrates and grants the application's role its rights (<see cref="DatabaseOwner"/>).
/// </summary>
public sealed class DatabaseInitializer(IServiceProvider services, IOptions<DatabaseOptions> database, DatabaseOwner owner, ILogger<DatabaseInitializer> logger)
    : IHostedService
{
    public bool IsReady { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<L2RDbContext>();
        if (database.Value.IsEmbeddedDefault)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await db.Database.CloseConnectionAsync();
        }

        if (database.Value.Migrate)
        {
            await MigrateAsync(db, cancellationToken);
            logger.LogInformation("Database migrated ({Provider})", database.Value.Provider);
        }

        if (await DatabaseOwner.BypassesRowSecurityAsync(db, cancellationToken))
        {
            logger.LogWarning("The application connects to PostgreSQL as a superuser or a role with BYPASSRLS: row-level security does not hold for it, only the EF tenant filter does");
        }

        // Registered only when Seed:DemoTenant holds for the embedded default (ServiceRegistration).
        if (scope.ServiceProvider.GetService<DemoSeeder>() is { } seeder)
        {
            await seeder.SeedAsync(cancellationToken);
        }

        IsReady = true;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task MigrateAsync(L2RDbContext db, CancellationToken ct)
    {
        if (!owner.IsSeparate)
        {
            await db.Database.MigrateAsync(ct);
            return;
        }

        await using var asOwner = owner.CreateContext();
        await asOwner.Database.MigrateAsync(ct);
        await owner.GrantAsync(asOwner, ct);
    }
}
