using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Outbox;
using L2R.Api.Infrastructure.Tenancy;
using L2R.Api.Tests.Infrastructure;
using L2R.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace L2R.Api.Tests;

/// <summary>
/// The second wall between tenants (docs/decisions/0014): PostgreSQL's row-level security refuses what the EF tenant
/// filter would, even to code that steps past the filter. The API here connects as <see cref="PostgresApiFactory.AppRole"/>,
/// as it does in every PostgreSQL test; the owner's connection (the superuser) shows what is really stored.
/// </summary>
public sealed class RowLevelSecurityTests(PostgresApiFactory factory) : IClassFixture<PostgresApiFactory>
{
    private const string TenantsTable = "Tenants";

    [Fact]
    public async Task TheAppRole_OwnsNothing_AndBypassesNoPolicy()
    {
        await ApiSession.SignUpAsync(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<L2RDbContext>();

        Assert.Equal(PostgresApiFactory.AppRole, await ScalarAsync<string>(db, "SELECT current_user::text"));
        Assert.False(await ScalarAsync<bool>(db, "SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user"));
        Assert.Equal(0L, await ScalarAsync<long>(db, "SELECT count(*) FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = current_user"));
    }

    [Fact]
    public async Task EveryTenantTableOfTheModel_HasForcedRowSecurity_AndBothPolicies()
    {
        await ApiSession.SignUpAsync(factory);
        var model = factory.WithScope(sp => sp.GetRequiredService<L2RDbContext>().Model);
        var tenantOwned = model.GetEntityTypes().Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType)).Select(e => e.GetTableName()!).Distinct().Order(StringComparer.Ordinal);

        // The migration finds the tables by their TenantId column; that must be exactly the tenant-owned entities.
        Assert.Equal(tenantOwned, RowSecurityPolicies.TenantTables(model));

        await using var owner = await OwnerAsync(factory);
        foreach (var table in RowSecurityPolicies.TenantTables(model).Append(TenantsTable))
        {
            await using var command = new NpgsqlCommand("""
                SELECT c.relrowsecurity, c.relforcerowsecurity,
                       ARRAY(SELECT p.policyname::text FROM pg_policies p WHERE p.schemaname = 'public' AND p.tablename = c.relname ORDER BY 1)
                FROM pg_class c WHERE c.relname = @table AND c.relnamespace = 'public'::regnamespace
                """, owner);
            command.Parameters.AddWithValue("table", table);
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync(), table);
            Assert.True(reader.GetBoolean(0), $"{table} has no row-level security");
            Assert.True(reader.GetBoolean(1), $"{table} does not force row-level security on its owner");
            Assert.Equal([RowSecurityPolicies.AcrossTenantsPolicy, RowSecurityPolicies.TenantPolicy], reader.GetFieldValue<string[]>(2));
        }
    }

    [Fact]
    public async Task PastTheEfFilter_ATenantsScope_StillSeesOnlyItsOwnRows_InEveryTenantTable()
    {
        var (first, second) = await TwoTenantsWithLeadsAsync();
        await using var scope = factory.Services.GetRequiredService<ITenantScopes>().Open(first.TenantId);
        var db = scope.ServiceProvider.GetRequiredService<L2RDbContext>();

        var leads = await db.Leads.IgnoreQueryFilters().Select(l => l.TenantId).ToListAsync();
        Assert.NotEmpty(leads);
        Assert.All(leads, tenant => Assert.Equal(first.TenantId, tenant));
        Assert.Equal(leads.Count, await ScalarAsync<long>(db, """SELECT count(*) FROM "Leads" """));
        Assert.Equal([first.TenantId], await db.Database.SqlQueryRaw<Guid>("""SELECT "Id" AS "Value" FROM "Tenants" """).ToListAsync());

        foreach (var table in RowSecurityPolicies.TenantTables(db.Model))
        {
            Assert.Equal(0L, await ScalarAsync<long>(db, $"SELECT count(*) FROM \"{table}\" WHERE \"TenantId\" <> @tenant", first.TenantId));
        }

        // The other tenant's rows are there, only not to be seen.
        await using var owner = await OwnerAsync(factory);
        await using var stored = new NpgsqlCommand("""SELECT count(*) FROM "Leads" WHERE "TenantId" = @tenant""", owner);
        stored.Parameters.AddWithValue("tenant", second.TenantId);
        Assert.True((long)(await stored.ExecuteScalarAsync())! > 0);
    }

    [Fact]
    public async Task WithNoTenant_NothingIsVisible_EvenOnAConnectionATenantUsedBefore()
    {
        var (first, _) = await TwoTenantsWithLeadsAsync();
        await using (var tenantScope = factory.Services.GetRequiredService<ITenantScopes>().Open(first.TenantId))
        {
            Assert.True(await ScalarAsync<long>(tenantScope.ServiceProvider.GetRequiredService<L2RDbContext>(), """SELECT count(*) FROM "Leads" """) > 0);
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<L2RDbContext>();
        foreach (var table in RowSecurityPolicies.TenantTables(db.Model).Append(TenantsTable))
        {
            Assert.Equal(0L, await ScalarAsync<long>(db, $"SELECT count(*) FROM \"{table}\""));
        }
    }

    [Fact]
    public async Task WritesOfAnotherTenantsRows_AreRefusedByTheDatabase()
    {
        var (first, second) = await TwoTenantsWithLeadsAsync();
        var own = await LeadAsync(first);
        var foreign = await LeadAsync(second);
        await using var scope = factory.Services.GetRequiredService<ITenantScopes>().Open(first.TenantId);
        var db = scope.ServiceProvider.GetRequiredService<L2RDbContext>();

        // WITH CHECK: a row may not be moved into, or created in, another tenant.
        var moved = await Assert.ThrowsAsync<PostgresException>(() =>
            db.Leads.Where(l => l.Id == own).ExecuteUpdateAsync(s => s.SetProperty(l => l.TenantId, second.TenantId)));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, moved.SqlState);
        var copied = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(db, """
            INSERT INTO "Leads" SELECT (jsonb_populate_record(l, jsonb_build_object('Id', gen_random_uuid(), 'TenantId', @tenant))).* FROM "Leads" l WHERE l."Id" = @own
            """, second.TenantId, own));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, copied.SqlState);
        var tenant = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(db, """
            INSERT INTO "Tenants" ("Id", "Name", "Slug", "CreatedAt") VALUES (@tenant, 'Squatter', @own::text, now())
            """, Guid.NewGuid(), own));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, tenant.SqlState);

        // USING: the other tenant's rows cannot be found to change or delete.
        Assert.Equal(0, await ExecuteAsync(db, """UPDATE "Leads" SET "LastName" = 'Taken' WHERE "Id" = @tenant""", foreign, own));
        Assert.Equal(0, await ExecuteAsync(db, """DELETE FROM "Leads" WHERE "Id" = @tenant""", foreign, own));
        Assert.Equal(1, await ExecuteAsync(db, """UPDATE "Leads" SET "LastName" = 'Mine' WHERE "Id" = @own""", foreign, own));

        var lead = await second.GetJsonAsync($"/api/leads/{foreign}");
        Assert.NotEqual("Taken", lead["lastName"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReadingAcrossTenants_SeesEveryTenant_AndWritesNothing()
    {
        var (first, second) = await TwoTenantsWithLeadsAsync();
        var tenantScopes = factory.Services.GetRequiredService<ITenantScopes>();

        var seen = await tenantScopes.ReadAcrossTenantsAsync(db => db.Leads.IgnoreQueryFilters().Select(l => l.TenantId).Distinct().ToListAsync());
        Assert.Contains(first.TenantId, seen);
        Assert.Contains(second.TenantId, seen);
        Assert.Contains(second.TenantId, await tenantScopes.AllTenantIdsAsync(CancellationToken.None));

        // Without IgnoreQueryFilters the EF filter still matches no tenant: the scope lifts the database's wall only.
        Assert.Empty(await tenantScopes.ReadAcrossTenantsAsync(db => db.Leads.ToListAsync()));
        Assert.Equal(0, await tenantScopes.ReadAcrossTenantsAsync(db =>
            db.Leads.IgnoreQueryFilters().ExecuteUpdateAsync(s => s.SetProperty(l => l.LastName, "Everyone's"))));
        var refused = await Assert.ThrowsAsync<PostgresException>(() => tenantScopes.ReadAcrossTenantsAsync(db => ExecuteAsync(db, """
            INSERT INTO "Tenants" ("Id", "Name", "Slug", "CreatedAt") VALUES (@tenant, 'Squatter', @own::text, now())
            """, Guid.NewGuid(), Guid.NewGuid())));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    [Fact]
    public async Task TheRelay_NumbersTheEventsOfTwoTenantsInOnePass_EachInItsOwnTenant()
    {
        var (first, second) = await TwoTenantsWithLeadsAsync();

        await factory.Services.GetRequiredService<OutboxRelay>().RunOnceAsync(CancellationToken.None);

        foreach (var tenantId in new[] { first.TenantId, second.TenantId })
        {
            await using var scope = factory.Services.GetRequiredService<ITenantScopes>().Open(tenantId);
            var events = await scope.ServiceProvider.GetRequiredService<L2RDbContext>().OutboxEvents.Select(e => e.Position).ToListAsync();
            Assert.NotEmpty(events);
            Assert.All(events, position => Assert.NotNull(position));
        }
    }

    private async Task<(ApiSession First, ApiSession Second)> TwoTenantsWithLeadsAsync()
    {
        var first = await ApiSession.SignUpAsync(factory);
        var second = await ApiSession.SignUpAsync(factory);
        await first.CreateMqlLeadAsync();
        await second.CreateMqlLeadAsync();
        return (first, second);
    }

    private static async Task<Guid> LeadAsync(ApiSession session) =>
        Guid.Parse((await session.CreateLeadAsync(ApiSession.GoodFitLead()))["lead"]!["id"]!.GetValue<string>());

    private static async Task<NpgsqlConnection> OwnerAsync(PostgresApiFactory factory)
    {
        var connection = new NpgsqlConnection(factory.OwnerConnection);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Raw SQL on the context's own connection, which <see cref="TenantSessionInterceptor"/> set up for the scope's tenant.</summary>
    private static async Task<T> ScalarAsync<T>(L2RDbContext db, string sql, Guid? tenant = null)
    {
        await using var command = await CommandAsync(db, sql, tenant, null);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<int> ExecuteAsync(L2RDbContext db, string sql, Guid tenant, Guid own)
    {
        await using var command = await CommandAsync(db, sql, tenant, own);
        return await command.ExecuteNonQueryAsync();
    }

    private static async Task<NpgsqlCommand> CommandAsync(L2RDbContext db, string sql, Guid? tenant, Guid? own)
    {
        await db.Database.OpenConnectionAsync();
        var command = new NpgsqlCommand(sql, (NpgsqlConnection)db.Database.GetDbConnection());
        if (tenant is { } t)
        {
            command.Parameters.AddWithValue("tenant", t);
        }

        if (own is { } o)
        {
            command.Parameters.AddWithValue("own", o);
        }

        return command;
    }
}

/// <summary>
/// Azure SQL cannot run here, so the wall of the SQL Server migrations is checked in their script: one security policy
/// with a filter and a block predicate on every tenant table of today's model, and on the tenants table.
/// </summary>
public sealed class SqlServerRowLevelSecurityScriptTests
{
    [Fact]
    public void TheMigrationScript_PutsEveryTenantTableBehindTheSecurityPolicy()
    {
        using var db = new SqlServerL2RDbContext(
            new DbContextOptionsBuilder<SqlServerL2RDbContext>().UseSqlServer("Server=localhost;Database=l2r_script").Options, TenantContext.None);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        // As the deploy applies it: idempotent, so what must open a batch runs through EXEC (its quotes doubled).
        Assert.Contains("EXEC(N'CREATE SCHEMA [rls]');", script, StringComparison.Ordinal);
        Assert.Contains("EXEC(N'CREATE FUNCTION [rls].[TenantRows]", script, StringComparison.Ordinal);
        Assert.Contains("EXEC(N'CREATE FUNCTION [rls].[TenantWrites]", script, StringComparison.Ordinal);
        Assert.Contains($"EXEC(N'CREATE SECURITY POLICY {RowSecurityPolicies.SqlServerPolicy}", script, StringComparison.Ordinal);
        Assert.Contains("SESSION_CONTEXT(N''TenantId'')", script, StringComparison.Ordinal);
        var tables = RowSecurityPolicies.TenantTables(db.Model);
        Assert.Contains("Leads", tables);
        foreach (var (table, column) in tables.Select(t => (t, "TenantId")).Append(("Tenants", "Id")))
        {
            Assert.Contains($"ADD FILTER PREDICATE [rls].[TenantRows]([{column}]) ON [dbo].[{table}]", script, StringComparison.Ordinal);
            Assert.Contains($"ADD BLOCK PREDICATE [rls].[TenantWrites]([{column}]) ON [dbo].[{table}]", script, StringComparison.Ordinal);
        }
    }
}
