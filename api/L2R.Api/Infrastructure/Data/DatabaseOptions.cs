using System.ComponentModel.DataAnnotations;

namespace L2R.Api.Infrastructure.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    [EnumDataType(typeof(DatabaseProvider), ErrorMessage = "Database:Provider must be Sqlite, Postgres or SqlServer.")]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Where the embedded default keeps its database and generated signing key; relative to the content root.</summary>
    [Required(ErrorMessage = "Database:DataDirectory must name a folder.")]
    public string DataDirectory { get; set; } = ".data";

    /// <summary>Apply migrations at start; production applies the SQL Server script at deploy time instead.</summary>
    public bool Migrate { get; set; } = true;

    /// <summary>
    /// On PostgreSQL with ConnectionStrings:L2RMigrations set, the role the application connects as, which the owner
    /// grants its rights after migrating; by default the user named in ConnectionStrings:L2R.
    /// </summary>
    public string? AppRole { get; set; }

    /// <summary>The embedded default (SQLite with no set-up) is the only place a demo tenant and a generated key may appear.</summary>
    public bool IsEmbeddedDefault => Provider == DatabaseProvider.Sqlite;

    public string ResolveDataDirectory(string contentRoot) => Path.GetFullPath(DataDirectory, contentRoot);
}
