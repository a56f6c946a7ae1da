using System.Data;
using System.Data.Common;
using L2R.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace L2R.Api.Infrastructure.Tenancy;

/// <summary>
/// The second wall (docs/decisions/0014): each time a context opens a connection, the database session learns the
/// context's tenant and whether it reads across tenants, and the row-level security of the RowLevelSecurity migration
/// shows and accepts only that tenant's rows. Both values are written on every open, so a pooled connection never
/// keeps the last user's; the pools reset them on return as well (Npgsql's DISCARD ALL, SqlClient's sp_reset_connection).
/// </summary>
public abstract class TenantSessionInterceptor : DbConnectionInterceptor
{
    public static readonly TenantSessionInterceptor Postgres = new PostgresSession();

    public static readonly TenantSessionInterceptor SqlServer = new SqlServerSession();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = Command(connection, eventData);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = Command(connection, eventData);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The statement that sets <c>@tenant</c> and <c>@across</c> for the session, and their values in the database's own terms.</summary>
    protected abstract string Sql { get; }

    protected abstract (object? Value, DbType Type) Tenant(Guid? tenantId);

    protected abstract (object Value, DbType Type) Across(bool readsAcrossTenants);

    private DbCommand Command(DbConnection connection, ConnectionEndEventData eventData)
    {
        var db = eventData.Context as L2RDbContext;
        var command = connection.CreateCommand();
        command.CommandText = Sql;
        Add(command, "tenant", Tenant(db?.CurrentTenantId));
        Add(command, "across", Across(db?.ReadsAcrossTenants == true));
        return command;
    }

    private static void Add(DbCommand command, string name, (object? Value, DbType Type) value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = value.Type;
        parameter.Value = value.Value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    /// <summary>Settings of the session (not local to a transaction), which the policies read with <c>current_setting</c>; text, '' for none.</summary>
    private sealed class PostgresSession : TenantSessionInterceptor
    {
        protected override string Sql { get; } =
            $"SELECT set_config('{RowSecurityPolicies.TenantSetting}', @tenant, false), set_config('{RowSecurityPolicies.AcrossTenantsSetting}', @across, false)";

        protected override (object? Value, DbType Type) Tenant(Guid? tenantId) => (tenantId?.ToString() ?? "", DbType.String);

        protected override (object Value, DbType Type) Across(bool readsAcrossTenants) => (readsAcrossTenants ? "on" : "off", DbType.String);
    }

    /// <summary>The session context the security policy's predicates read with <c>SESSION_CONTEXT</c>; typed values, NULL for none.</summary>
    private sealed class SqlServerSession : TenantSessionInterceptor
    {
        protected override string Sql { get; } =
            $"EXEC sp_set_session_context @key = N'{RowSecurityPolicies.TenantSessionKey}', @value = @tenant; "
            + $"EXEC sp_set_session_context @key = N'{RowSecurityPolicies.AcrossTenantsSessionKey}', @value = @across;";

        protected override (object? Value, DbType Type) Tenant(Guid? tenantId) => (tenantId, DbType.Guid);

        protected override (object Value, DbType Type) Across(bool readsAcrossTenants) => (readsAcrossTenants, DbType.Boolean);
    }
}
