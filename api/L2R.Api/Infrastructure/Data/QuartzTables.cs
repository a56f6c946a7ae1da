using System.Reflection;
using Microsoft.EntityFrameworkCore.Migrations;

namespace L2R.Api.Infrastructure.Data;

/// <summary>
/// The job store tables of Quartz.NET 4.7.3 (the scheduler of docs/decisions/0008), created by the migrations so a
/// database is complete whichever way it is migrated, including SQL Server's deploy-time script. Not part of the EF
/// model: a migration calls <see cref="Create"/> and <see cref="Drop"/> by hand, and a regenerated migration must call
/// them again. The scripts in QuartzSchema/ are Quartz's own creation scripts, copied unchanged from the package
/// (Quartz.Impl.AdoJobStore.Schema.create_*.sql): every statement creates only what is missing.
/// </summary>
public static class QuartzTables
{
    public const string Prefix = "QRTZ_";

    private static readonly string[] Tables =
    [
        "FIRED_TRIGGERS", "PAUSED_TRIGGER_GRPS", "PAUSED_JOB_GRPS", "SCHEDULER_STATE", "LOCKS", "EXECUTION_HISTORY", "MISFIRE_HISTORY",
        "JOB_STATUS", "SIMPLE_TRIGGERS", "CRON_TRIGGERS", "SIMPROP_TRIGGERS", "BLOB_TRIGGERS", "TRIGGERS", "JOB_DETAILS", "CALENDARS",
    ];

    public static void Create(MigrationBuilder migrationBuilder)
    {
        foreach (var statement in Statements(ScriptFor(migrationBuilder.ActiveProvider)))
        {
            migrationBuilder.Sql(statement);
        }
    }

    /// <summary>Children before parents, so the foreign keys never stand in the way.</summary>
    public static void Drop(MigrationBuilder migrationBuilder)
    {
        foreach (var table in Tables)
        {
            migrationBuilder.Sql(migrationBuilder.ActiveProvider == SqlServerProvider
                ? $"IF OBJECT_ID(N'{Prefix}{table}', N'U') IS NOT NULL DROP TABLE {Prefix}{table};"
                : $"DROP TABLE IF EXISTS {Prefix}{table};");
        }
    }

    private const string SqlServerProvider = "Microsoft.EntityFrameworkCore.SqlServer";

    private static string ScriptFor(string? provider) => provider switch
    {
        "Npgsql.EntityFrameworkCore.PostgreSQL" => "create_postgres.sql",
        SqlServerProvider => "create_sqlServer.sql",
        "Microsoft.EntityFrameworkCore.Sqlite" => "create_sqlite.sql",
        _ => throw new NotSupportedException($"No Quartz job store script for {provider}."),
    };

    /// <summary>The scripts separate statements with a line reading <c>--;;</c>; <c>{0}</c> is the table prefix, <c>{1}</c> the prefix inside index and constraint names.</summary>
    private static IEnumerable<string> Statements(string script)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"L2R.Api.Infrastructure.Data.QuartzSchema.{script}")
            ?? throw new InvalidOperationException($"The Quartz script {script} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd()
            .Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n--;;\n")
            .Select(piece => string.Join('\n', piece.Split('\n').Where(line => !line.StartsWith("--", StringComparison.Ordinal))).Trim())
            .Where(statement => statement.Length > 0)
            .Select(statement => statement.Replace("{0}", Prefix, StringComparison.Ordinal).Replace("{1}", Prefix, StringComparison.Ordinal))
            .ToList();
    }
}
