using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Tenancy;
using L2R.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace L2R.Api.Tests;

/// <summary>
/// History written before the one mover has no creation entries; the Metrics migration gives each lead one, so the
/// waterfall counts every lead's first stage from the history alone. The RowLevelSecurity migration (policies on
/// PostgreSQL, nothing on SQLite) can be taken down and raised again.
/// </summary>
public abstract class MigrationTests
{
    private static readonly Guid Tenant = Guid.Parse("7e000000-0000-0000-0000-00000000000a");
    private static readonly Guid Moved = Guid.Parse("1ead0000-0000-0000-0000-000000000001");
    private static readonly Guid NeverMoved = Guid.Parse("1ead0000-0000-0000-0000-000000000002");
    private static readonly Guid AlreadyCreated = Guid.Parse("1ead0000-0000-0000-0000-000000000003");
    private const string NoCustomFields = "{}";

    protected abstract L2RDbContext NewContext();

    [Fact]
    public async Task Metrics_GivesEveryLeadWithoutOneACreationEntry_IntoTheStageItsFirstMoveLeft()
    {
        await using var db = NewContext();
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("OneMover");
        var created = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
        await db.Database.ExecuteSqlAsync($"""INSERT INTO "Tenants" ("Id", "Name", "Slug", "CreatedAt") VALUES ({Tenant}, 'Old', 'old', {created})""");
        foreach (var (lead, state) in new[] { (Moved, "MQL"), (NeverMoved, "Raw"), (AlreadyCreated, "Scored") })
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "Leads" ("Id", "TenantId", "State", "Version", "Budget", "Authority", "Need", "Timeline", "FitScore", "EngagementScore", "TotalScore", "CustomFields", "AgreementVersion", "CreatedAt", "UpdatedAt", "StageEnteredAt", "DisplayName", "ScoredAt")
                VALUES ({lead}, {Tenant}, {state}, 1, FALSE, FALSE, FALSE, FALSE, 0, 0, 0, {NoCustomFields}, 2, {created}, {created}, {created}, 'Old lead', {created})
                """);
        }

        await Move(db, Moved, "Raw", "Scored", "Score", created, 0);
        await Move(db, Moved, "Scored", "MQL", "Qualify", created.AddDays(2), 0);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "LeadTransitions" ("Id", "TenantId", "LeadId", "Kind", "From", "To", "Trigger", "ActorKind", "OccurredAt", "Step", "AgreementVersion", "Criteria")
            VALUES ({Guid.NewGuid()}, {Tenant}, {AlreadyCreated}, 'Created', NULL, 'Raw', NULL, 'User', {created}, 0, 1, '[]')
            """);

        await migrator.MigrateAsync();

        var entries = await db.Database.SqlQuery<Entry>($"""
            SELECT "LeadId", "Kind", "To", "OccurredAt", "Step", "AgreementVersion" FROM "LeadTransitions" WHERE "Kind" = 'Created'
            """).ToListAsync();
        Assert.Equal(
            [(Moved, "Raw", -1, 1), (NeverMoved, "Raw", -1, 2), (AlreadyCreated, "Raw", 0, 1)],
            entries.OrderBy(e => e.LeadId).Select(e => (e.LeadId, e.To, e.Step, e.AgreementVersion)));
        Assert.All(entries, e => Assert.Equal(created, DateTime.SpecifyKind(e.OccurredAt, DateTimeKind.Utc)));
    }

    [Fact]
    public async Task RowLevelSecurity_GoesDownAndUpAgain()
    {
        await using var db = NewContext();
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync();
        var migrations = db.Database.GetMigrations().ToList();
        var beforeIt = migrations[migrations.FindIndex(m => m.EndsWith("_RowLevelSecurity", StringComparison.Ordinal)) - 1];

        await migrator.MigrateAsync(beforeIt);
        await migrator.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    private static Task Move(L2RDbContext db, Guid lead, string from, string to, string trigger, DateTime at, int step) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO "LeadTransitions" ("Id", "TenantId", "LeadId", "Kind", "From", "To", "Trigger", "ActorKind", "OccurredAt", "Step", "AgreementVersion", "Criteria")
            VALUES ({Guid.NewGuid()}, {Tenant}, {lead}, 'Moved', {from}, {to}, {trigger}, 'System', {at}, {step}, 1, '[]')
            """);

    private sealed record Entry(Guid LeadId, string Kind, string To, DateTime OccurredAt, int Step, int AgreementVersion);
}

public sealed class SqliteMigrationTests : MigrationTests, IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"l2r-migration-{Guid.NewGuid():N}.db");

    protected override L2RDbContext NewContext() =>
        new SqliteL2RDbContext(new DbContextOptionsBuilder<SqliteL2RDbContext>().UseSqlite($"Data Source={_path}").Options, TenantContext.None);

    public void Dispose() => File.Delete(_path);
}

public sealed class PostgresMigrationTests : MigrationTests
{
    protected override L2RDbContext NewContext() =>
        new PostgresL2RDbContext(
            new DbContextOptionsBuilder<PostgresL2RDbContext>().UseNpgsql($"{PostgresApiFactory.ServerConnectionString};Database=l2r_migration_{Guid.NewGuid():N}").Options,
            TenantContext.None);
}
