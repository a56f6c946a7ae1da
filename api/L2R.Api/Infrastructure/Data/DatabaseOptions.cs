namespace L2R.Api.Infrastructure.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Where the embedded default keeps its database and generated signing key; relative to the content root.</summary>
    public string DataDirectory { get; set; } = ".data";

    /// <summary>The embedded default (SQLite with no set-up) is the only place a demo tenant and a generated key may appear.</summary>
    public bool IsEmbeddedDefault => Provider == DatabaseProvider.Sqlite;

    public string ResolveDataDirectory(string contentRoot) => Path.GetFullPath(DataDirectory, contentRoot);
}
