using Npgsql;
using NpgsqlTypes;

namespace L2R.Bench.Infrastructure;

/// <summary>What the raw baselines share: reading every value of every row (as the API's materialiser does), and batch commands typed as EF Core types them.</summary>
public static class RawSql
{
    /// <summary>Runs a query with positional parameters and reads every value of every row; <paramref name="row"/> sees each row after it is read.</summary>
    public static async Task<int> ReadAllAsync(NpgsqlConnection connection, string sql, Action<object[]>? row, CancellationToken ct, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await using var reader = await command.ExecuteReaderAsync(ct);
        var values = new object[reader.FieldCount];
        var rows = 0;
        while (await reader.ReadAsync(ct))
        {
            reader.GetValues(values);
            row?.Invoke(values);
            rows++;
        }

        return rows;
    }

    /// <summary>Typed as EF Core types them (varchar columns as varchar), so PostgreSQL sees the very same statements.</summary>
    public static NpgsqlBatchCommand BatchCommand(string sql, params (object? Value, NpgsqlDbType Type)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (value, type) in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value, NpgsqlDbType = type });
        }

        return command;
    }

    /// <summary>EXPLAIN (ANALYZE, BUFFERS) of each statement with its parameters, titled, as one text for the report.</summary>
    public static async Task<string> ExplainAsync(NpgsqlConnection connection, IEnumerable<(string Title, string Sql, object[] Parameters)> statements, CancellationToken ct)
    {
        var text = new System.Text.StringBuilder();
        foreach (var (title, sql, parameters) in statements)
        {
            text.AppendLine($"-- {title}");
            await ReadAllAsync(connection, "EXPLAIN (ANALYZE, BUFFERS) " + sql, row => text.AppendLine(Shorten((string)row[0])), ct, parameters);
            text.AppendLine();
        }

        return text.ToString();
    }

    /// <summary>A plan line quoting a parameter of thousands of ids is cut to its start.</summary>
    private static string Shorten(string line) => line.Length <= 300 ? line : line[..300] + $"… ({line.Length:N0} characters)";
}
