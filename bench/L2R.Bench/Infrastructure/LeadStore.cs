using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace L2R.Bench.Infrastructure;

/// <summary>The database behind an API process, as the bench seeds and checks it directly: the throwaway PostgreSQL or the API's own SQLite file.</summary>
public abstract class LeadStore
{
    public abstract string Name { get; }

    public abstract DbConnection Open();

    public abstract Task WriteAsync(BulkRows rows, CancellationToken ct);

    /// <summary>What the database's own maintenance would have done by the time a tenant has this many rows.</summary>
    public abstract Task AnalyzeAsync(CancellationToken ct);

    /// <summary>An id as a query parameter: PostgreSQL compares uuids, EF Core's SQLite provider stores upper-case text.</summary>
    public abstract object Key(Guid id);

    public static Guid IdOf(object value) => value as Guid? ?? Guid.Parse((string)value);

    public async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 300;
        await command.ExecuteNonQueryAsync(ct);
    }
}

public sealed class PostgresLeadStore(ThrowawayPostgres postgres) : LeadStore
{
    public override string Name => "PostgreSQL";

    public override DbConnection Open() => postgres.OpenAdmin();

    public override async Task WriteAsync(BulkRows rows, CancellationToken ct)
    {
        await using var connection = postgres.OpenAdmin();
        await rows.CopyAsync(connection, ct);
    }

    public override Task AnalyzeAsync(CancellationToken ct) => ExecuteAsync("""VACUUM ANALYZE "Leads", "LeadActivities", "Users" """, ct);

    public override object Key(Guid id) => id;
}

/// <summary>Writes through its own connection while the API has the file open (the API keeps it in WAL mode).</summary>
public sealed class SqliteLeadStore(string file) : LeadStore
{
    public override string Name => "SQLite";

    public override DbConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={file};Default Timeout=60;Pooling=false");
        connection.Open();
        return connection;
    }

    public override async Task WriteAsync(BulkRows rows, CancellationToken ct)
    {
        await using var connection = (SqliteConnection)Open();
        await rows.InsertAsync(connection, ct);
    }

    /// <summary>SQLite gathers no statistics by itself, and the API never asks it to: it plans on an untouched file.</summary>
    public override Task AnalyzeAsync(CancellationToken ct) => Task.CompletedTask;

    public override object Key(Guid id) => BulkRows.SqliteValue(id);
}
