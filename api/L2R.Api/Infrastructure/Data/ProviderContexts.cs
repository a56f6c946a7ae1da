using L2R.Api.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace L2R.Api.Infrastructure.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}

/// <summary>One context per provider so each keeps its own migrations in one assembly.</summary>
public sealed class SqliteL2RDbContext(DbContextOptions<SqliteL2RDbContext> options, ITenantContext tenant) : L2RDbContext(options, tenant)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // SQLite cannot compare or sum decimals in SQL.
        configurationBuilder.Properties<decimal>().HaveConversion<double>();
        configurationBuilder.Properties<decimal?>().HaveConversion<double?>();
    }

    // Times are stored as ISO text; julianday counts days as a double, so round to whole seconds before dividing.
    public override string WholeHoursSql(string from, string to) => $"(CAST(ROUND((julianday({to}) - julianday({from})) * 86400) AS INTEGER) / 3600)";
}

public sealed class PostgresL2RDbContext(DbContextOptions<PostgresL2RDbContext> options, ITenantContext tenant) : L2RDbContext(options, tenant)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        NpgsqlIndexBuilderExtensions.IncludeProperties(HistoryByLead(modelBuilder), LedgerColumns);
    }

    public override string WholeHoursSql(string from, string to) => $"CAST(FLOOR(EXTRACT(EPOCH FROM ({to} - {from})) / 3600) AS integer)";
}

public sealed class SqlServerL2RDbContext(DbContextOptions<SqlServerL2RDbContext> options, ITenantContext tenant) : L2RDbContext(options, tenant)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        SqlServerIndexBuilderExtensions.IncludeProperties(HistoryByLead(modelBuilder), LedgerColumns);
    }

    public override string WholeHoursSql(string from, string to) => $"CAST(DATEDIFF_BIG(second, {from}, {to}) / 3600 AS int)";
}

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteL2RDbContext>
{
    public SqliteL2RDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteL2RDbContext>().UseSqlite("Data Source=design.db").Options, TenantContext.None);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresL2RDbContext>
{
    public PostgresL2RDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresL2RDbContext>().UseNpgsql("Host=localhost;Database=l2r_design").Options, TenantContext.None);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerL2RDbContext>
{
    public SqlServerL2RDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerL2RDbContext>().UseSqlServer("Server=localhost;Database=l2r_design;Trusted_Connection=True;TrustServerCertificate=True").Options, TenantContext.None);
}
