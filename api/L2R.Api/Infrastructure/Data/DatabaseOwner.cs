using L2R.Api.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace L2R.Api.Infrastructure.Data;

/// <summary>
/// Who migrates. With one connection string (the SQLite default, local development) the application migrates as
/// itself. With <c>ConnectionStrings:L2RMigrations</c> beside it, the application connects as a role that owns nothing,
/// so the row-level security of docs/decisions/0014 holds for it; migrations run as the owner, which on PostgreSQL then
/// grants that role its rows and nothing more (on SQL Server the deployment grants its database user).
/// </summary>
public sealed class DatabaseOwner(DatabaseOptions database, string? ownerConnectionString, string appConnectionString)
{
    /// <summary>Held across the grants, so instances starting together do not update the same privileges at once.</summary>
    private const long GrantLock = 0x4C32_5267_7261_6E74;

    public bool IsSeparate => !string.IsNullOrWhiteSpace(ownerConnectionString);

    /// <summary>A context that connects as the owner; only when <see cref="IsSeparate"/>.</summary>
    public L2RDbContext CreateContext() => database.Provider switch
    {
        DatabaseProvider.Postgres => new PostgresL2RDbContext(new DbContextOptionsBuilder<PostgresL2RDbContext>().UseNpgsql(ownerConnectionString).Options, TenantContext.None),
        DatabaseProvider.SqlServer => new SqlServerL2RDbContext(new DbContextOptionsBuilder<SqlServerL2RDbContext>().UseSqlServer(ownerConnectionString).Options, TenantContext.None),
        _ => new SqliteL2RDbContext(new DbContextOptionsBuilder<SqliteL2RDbContext>().UseSqlite(ownerConnectionString).Options, TenantContext.None),
    };

    /// <summary>
    /// The PostgreSQL role the application connects as: named by <c>Database:AppRole</c>, or the user of its connection string.
    /// </summary>
    public string AppRole => database.AppRole is { Length: > 0 } role
        ? role
        : new NpgsqlConnectionStringBuilder(appConnectionString).Username
            ?? throw new InvalidOperationException("Name the application's role in Database:AppRole or as the user of ConnectionStrings:L2R.");

    /// <summary>
    /// Run as the owner after migrating, every time (each statement is idempotent): the application's role may read and
    /// write the rows of every table, today's and those later migrations create, and own, create or alter nothing.
    /// </summary>
    public async Task GrantAsync(L2RDbContext owner, CancellationToken ct)
    {
        if (database.Provider != DatabaseProvider.Postgres)
        {
            return;
        }

        // Identifiers cannot be parameters; the role's name is quoted as one.
        var role = new NpgsqlCommandBuilder().QuoteIdentifier(AppRole);
        var grants = $"""
            SELECT pg_advisory_xact_lock({GrantLock});
            GRANT USAGE ON SCHEMA public TO {role};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role};
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role};
            ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {role};
            ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {role};
            """;
        await using var transaction = await owner.Database.BeginTransactionAsync(ct);
        await owner.Database.ExecuteSqlRawAsync(grants, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Whether the application's PostgreSQL role passes every policy (a superuser, or BYPASSRLS), which leaves the wall to EF alone.</summary>
    public static async Task<bool> BypassesRowSecurityAsync(L2RDbContext app, CancellationToken ct) =>
        app.Database.IsNpgsql()
        && await app.Database.SqlQueryRaw<bool>("SELECT rolsuper OR rolbypassrls AS \"Value\" FROM pg_roles WHERE rolname = current_user").SingleAsync(ct);
}
