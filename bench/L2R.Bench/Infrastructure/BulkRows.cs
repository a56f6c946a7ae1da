using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace L2R.Bench.Infrastructure;

/// <summary>
/// Rows the bench writes straight into one of the API's tables (the read and bulk scenarios may seed so): <see cref="Row"/>
/// gives row i's value for each column named in <see cref="Knows"/> (null for NULL; enums as their names, times in UTC).
/// Columns it does not know, added by a later migration, get a plain value when they are required and stay empty
/// otherwise, so a new column does not break the seeding.
/// </summary>
public sealed record BulkRows(string Table, IReadOnlySet<string> Knows, int Count, Func<int, Func<string, object?>> Row)
{
    /// <summary>Binary COPY into PostgreSQL.</summary>
    public async Task CopyAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var columns = await PostgresColumnsAsync(connection, ct);
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY \"{Table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)", ct);
        for (var i = 0; i < Count; i++)
        {
            var value = Row(i);
            await importer.StartRowAsync(ct);
            foreach (var column in columns)
            {
                if ((column.Known ? value(column.Name) : column.Fill) is { } v)
                {
                    await importer.WriteAsync(v, column.Type, ct);
                }
                else
                {
                    await importer.WriteNullAsync(ct);
                }
            }
        }

        await importer.CompleteAsync(ct);
    }

    /// <summary>One prepared INSERT per row in one transaction, with values stored as EF Core's SQLite provider stores them.</summary>
    public async Task InsertAsync(SqliteConnection connection, CancellationToken ct)
    {
        var columns = await SqliteColumnsAsync(connection, ct);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO \"{Table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) " +
                             $"VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        var parameters = columns.Select((_, i) => insert.Parameters.Add(new SqliteParameter { ParameterName = $"$p{i}" })).ToArray();
        insert.Prepare();
        for (var i = 0; i < Count; i++)
        {
            var value = Row(i);
            for (var c = 0; c < columns.Count; c++)
            {
                parameters[c].Value = SqliteValue(columns[c].Known ? value(columns[c].Name) : columns[c].Fill);
            }

            await insert.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>EF Core's SQLite provider keeps Guids as upper-case text, times as sortable text and decimals (here) as doubles.</summary>
    public static object SqliteValue(object? value) => value switch
    {
        null => DBNull.Value,
        Guid g => g.ToString().ToUpperInvariant(),
        DateTime t => t.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture),
        decimal d => (double)d,
        bool b => b ? 1L : 0L,
        _ => value,
    };

    private sealed record Column(string Name, bool Known, NpgsqlDbType Type, object? Fill);

    private async Task<IReadOnlyList<Column>> PostgresColumnsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT column_name, data_type, is_nullable = 'YES', column_default IS NOT NULL
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = Table });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var columns = new List<Column>();
        while (await reader.ReadAsync(ct))
        {
            var (name, type, nullable, hasDefault) = (reader.GetString(0), reader.GetString(1), reader.GetBoolean(2), reader.GetBoolean(3));
            var (npgsqlType, fill) = type switch
            {
                "uuid" => (NpgsqlDbType.Uuid, (object)Guid.Empty),
                "integer" => (NpgsqlDbType.Integer, 0),
                "bigint" => (NpgsqlDbType.Bigint, 0L),
                "boolean" => (NpgsqlDbType.Boolean, false),
                "numeric" => (NpgsqlDbType.Numeric, 0m),
                "timestamp with time zone" => (NpgsqlDbType.TimestampTz, DateTime.UtcNow),
                "text" => (NpgsqlDbType.Text, ""),
                _ => (NpgsqlDbType.Varchar, (object)""),
            };
            var known = Knows.Contains(name);
            if (known || (!nullable && !hasDefault))
            {
                columns.Add(new Column(name, known, npgsqlType, known ? null : fill));
            }
        }

        return columns;
    }

    private async Task<IReadOnlyList<Column>> SqliteColumnsAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name, type, \"notnull\", dflt_value IS NOT NULL FROM pragma_table_info('{Table}') ORDER BY cid";
        await using var reader = await command.ExecuteReaderAsync(ct);
        var columns = new List<Column>();
        while (await reader.ReadAsync(ct))
        {
            var (name, type, required, hasDefault) = (reader.GetString(0), reader.GetString(1), reader.GetBoolean(2), reader.GetBoolean(3));
            object fill = type.ToUpperInvariant() switch
            {
                "INTEGER" => 0L,
                "REAL" => 0.0,
                _ => "",
            };
            var known = Knows.Contains(name);
            if (known || (required && !hasDefault))
            {
                columns.Add(new Column(name, known, NpgsqlDbType.Unknown, known ? null : fill));
            }
        }

        return columns;
    }
}
