using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace L2R.Api.Infrastructure.Data;

/// <summary>
/// The embedded database's per-connection settings, set on every open (SQLite keeps them per connection, and a pooled
/// connection may be new). In WAL mode (set once for the file at start), <c>synchronous=NORMAL</c> syncs at checkpoints
/// instead of at every commit: the file stays consistent after a power loss, which may lose only the last commits; it
/// is SQLite's own advice for WAL. A 32 MiB page cache instead of 2 MiB keeps the leads' and the history's indexes in
/// memory at 100,000 leads, so a bulk write (an import, an activation) does not read index pages back from the file
/// for every row it adds.
/// </summary>
public sealed class SqliteSessionInterceptor : DbConnectionInterceptor
{
    public static readonly SqliteSessionInterceptor Instance = new();

    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-32768;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
