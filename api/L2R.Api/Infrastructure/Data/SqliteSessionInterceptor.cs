using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace L2R.Api.Infrastructure.Data;

/// <summary>
/// The embedded database's per-connection settings, set on every open (SQLite keeps them per connection, and a pooled
/// connection may be new). In WAL mode (set once for the file at start), <c>synchronous=NORMAL</c> syncs at checkpoints
/// instead of at every commit: the file stays consistent after a power loss, which may lose only the last commits; it
/// is SQLite's own advice for WAL. The page cache stays at SQLite's 2 MiB: a larger one is held by every pooled
/// connection, and the bench's SQLite import peaked at 706 MiB with 32 MiB.
/// </summary>
public sealed class SqliteSessionInterceptor : DbConnectionInterceptor
{
    public static readonly SqliteSessionInterceptor Instance = new();

    private const string Pragma = "PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
