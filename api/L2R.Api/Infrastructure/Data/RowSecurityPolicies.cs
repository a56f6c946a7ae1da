using L2R.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace L2R.Api.Infrastructure.Data;

/// <summary>
/// The database's own wall between tenants (docs/decisions/0014), which the RowLevelSecurity migration raises through
/// <c>migrationBuilder.Sql</c>: on PostgreSQL, forced row-level security with a policy per table; on SQL Server, one
/// security policy with a filter and a block predicate per table. A row is visible and writable when its tenant is the
/// session's (<see cref="Tenancy.TenantSessionInterceptor"/> sets it on every connection a context opens); a session
/// reading across tenants sees every row and writes none. The tenants table shows a tenant its own row. A migration
/// that adds a tenant table later calls <see cref="Protect"/> for it; RowLevelSecurityTests fail until it does.
/// </summary>
public static class RowSecurityPolicies
{
    public const string TenantSetting = "l2r.tenant_id";
    public const string AcrossTenantsSetting = "l2r.across_tenants";
    public const string TenantSessionKey = "TenantId";
    public const string AcrossTenantsSessionKey = "AcrossTenants";

    public const string TenantPolicy = "tenant_isolation";
    public const string AcrossTenantsPolicy = "across_tenants_read";
    public const string SqlServerPolicy = "[rls].[TenantWall]";

    private const string TenantsTable = "Tenants";
    private const string PostgresProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";
    private const string SqlServerProvider = "Microsoft.EntityFrameworkCore.SqlServer";

    /// <summary>
    /// In a sub-select, so PostgreSQL reads the setting once per query (an InitPlan) rather than once per row: on the
    /// board's count of 3,050 leads that is the difference between the owner's time and about twice it.
    /// </summary>
    private const string PostgresTenant = $"(SELECT NULLIF(current_setting('{TenantSetting}', true), '')::uuid)";
    private const string PostgresAcrossTenants = $"(SELECT current_setting('{AcrossTenantsSetting}', true) = 'on')";
    private const string SqlServerTenant = $"CAST(SESSION_CONTEXT(N'{TenantSessionKey}') AS uniqueidentifier)";

    /// <summary>The tables of a model's tenant-owned entities, found by their <c>TenantId</c> column.</summary>
    public static IReadOnlyList<string> TenantTables(IReadOnlyModel model) =>
        model.GetEntityTypes()
            .Where(e => e.FindProperty(nameof(ITenantOwned.TenantId)) is not null && e.GetTableName() is not null)
            .Select(e => e.GetTableName()!)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Raises the wall around the tenants table and every tenant table of <paramref name="model"/> (the migration's own).</summary>
    public static void Create(MigrationBuilder migrationBuilder, IReadOnlyModel model)
    {
        switch (migrationBuilder.ActiveProvider)
        {
            case PostgresProvider:
                migrationBuilder.Sql(PostgresPolicies(TenantsTable, "Id"));
                break;
            case SqlServerProvider:
                migrationBuilder.Sql(Exec("CREATE SCHEMA [rls]"));
                migrationBuilder.Sql(Exec($"""
                    CREATE FUNCTION [rls].[TenantRows](@TenantId uniqueidentifier) RETURNS TABLE WITH SCHEMABINDING AS
                    RETURN SELECT 1 AS [Visible] WHERE @TenantId = {SqlServerTenant} OR CAST(SESSION_CONTEXT(N'{AcrossTenantsSessionKey}') AS bit) = 1
                    """));
                migrationBuilder.Sql(Exec($"""
                    CREATE FUNCTION [rls].[TenantWrites](@TenantId uniqueidentifier) RETURNS TABLE WITH SCHEMABINDING AS
                    RETURN SELECT 1 AS [Writable] WHERE @TenantId = {SqlServerTenant}
                    """));
                migrationBuilder.Sql(Exec($"CREATE SECURITY POLICY {SqlServerPolicy} {SqlServerPredicates(TenantsTable, "Id")} WITH (STATE = ON, SCHEMABINDING = ON)"));
                break;
            default:
                throw new NotSupportedException($"No row-level security for {migrationBuilder.ActiveProvider}.");
        }

        Protect(migrationBuilder, TenantTables(model));
    }

    /// <summary>Puts <paramref name="tables"/>, each with a <c>TenantId</c> column, behind the wall.</summary>
    public static void Protect(MigrationBuilder migrationBuilder, IReadOnlyList<string> tables)
    {
        if (migrationBuilder.ActiveProvider == SqlServerProvider)
        {
            migrationBuilder.Sql(Exec($"ALTER SECURITY POLICY {SqlServerPolicy} {string.Join(",\n", tables.Select(t => SqlServerPredicates(t, "TenantId")))}"));
            return;
        }

        foreach (var table in tables)
        {
            migrationBuilder.Sql(PostgresPolicies(table, "TenantId"));
        }
    }

    /// <summary>
    /// Takes <paramref name="tables"/> out from behind the wall before they are dropped: SQL Server's schema-bound policy
    /// refuses to drop a table it names; PostgreSQL drops a table's policies with it.
    /// </summary>
    public static void Unprotect(MigrationBuilder migrationBuilder, IReadOnlyList<string> tables)
    {
        if (migrationBuilder.ActiveProvider == SqlServerProvider)
        {
            migrationBuilder.Sql(Exec($"ALTER SECURITY POLICY {SqlServerPolicy} {string.Join(",\n", tables.Select(t => $"DROP FILTER PREDICATE ON [dbo].[{t}], DROP BLOCK PREDICATE ON [dbo].[{t}]"))}"));
        }
    }

    /// <summary>
    /// Runs a data migration's <paramref name="sql"/> as the owner with the wall lifted for it (docs/decisions/0014): on
    /// PostgreSQL <c>FORCE</c> is lifted from <paramref name="tables"/> inside the migration's transaction, so the
    /// application's role, which is not the owner, stays under the policies throughout; SQL Server's policy holds for
    /// everyone and is turned off meanwhile. SQLite has no wall.
    /// </summary>
    public static void AsOwner(MigrationBuilder migrationBuilder, IReadOnlyList<string> tables, string sql)
    {
        switch (migrationBuilder.ActiveProvider)
        {
            case PostgresProvider:
                migrationBuilder.Sql(string.Concat(tables.Select(t => $"ALTER TABLE \"{t}\" NO FORCE ROW LEVEL SECURITY;\n")) + sql + ";\n"
                    + string.Concat(tables.Select(t => $"ALTER TABLE \"{t}\" FORCE ROW LEVEL SECURITY;\n")));
                break;
            case SqlServerProvider:
                migrationBuilder.Sql(Exec($"ALTER SECURITY POLICY {SqlServerPolicy} WITH (STATE = OFF)"));
                migrationBuilder.Sql(sql + ";");
                migrationBuilder.Sql(Exec($"ALTER SECURITY POLICY {SqlServerPolicy} WITH (STATE = ON)"));
                break;
            default:
                migrationBuilder.Sql(sql + ";");
                break;
        }
    }

    /// <summary>Takes the wall of <see cref="Create"/> down again.</summary>
    public static void Drop(MigrationBuilder migrationBuilder, IReadOnlyModel model)
    {
        if (migrationBuilder.ActiveProvider == SqlServerProvider)
        {
            migrationBuilder.Sql($"DROP SECURITY POLICY {SqlServerPolicy};");
            migrationBuilder.Sql("DROP FUNCTION [rls].[TenantRows];");
            migrationBuilder.Sql("DROP FUNCTION [rls].[TenantWrites];");
            migrationBuilder.Sql("DROP SCHEMA [rls];");
            return;
        }

        foreach (var table in TenantTables(model).Append(TenantsTable))
        {
            migrationBuilder.Sql($"""
                DROP POLICY {TenantPolicy} ON "{table}";
                DROP POLICY {AcrossTenantsPolicy} ON "{table}";
                ALTER TABLE "{table}" NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE "{table}" DISABLE ROW LEVEL SECURITY;
                """);
        }
    }

    /// <summary>FORCE makes the wall hold for the tables' owner too; only superusers and BYPASSRLS roles pass it, and the application's role is neither.</summary>
    private static string PostgresPolicies(string table, string tenantColumn) => $"""
        ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY;
        ALTER TABLE "{table}" FORCE ROW LEVEL SECURITY;
        CREATE POLICY {TenantPolicy} ON "{table}" USING ("{tenantColumn}" = {PostgresTenant}) WITH CHECK ("{tenantColumn}" = {PostgresTenant});
        CREATE POLICY {AcrossTenantsPolicy} ON "{table}" FOR SELECT USING ({PostgresAcrossTenants});
        """;

    /// <summary>
    /// The deploy script is idempotent: each statement sits inside <c>IF NOT EXISTS (…) BEGIN … END</c>, where CREATE
    /// SCHEMA and CREATE FUNCTION, which must open a batch of their own, are allowed only through EXEC (and the security
    /// policy's statements go the same way).
    /// </summary>
    private static string Exec(string sql) => $"EXEC(N'{sql.Replace("'", "''", StringComparison.Ordinal)}');";

    /// <summary>A block predicate named without an operation blocks all four: after insert, after and before update, before delete.</summary>
    private static string SqlServerPredicates(string table, string tenantColumn) =>
        $"ADD FILTER PREDICATE [rls].[TenantRows]([{tenantColumn}]) ON [dbo].[{table}], ADD BLOCK PREDICATE [rls].[TenantWrites]([{tenantColumn}]) ON [dbo].[{table}]";
}
