using System.Collections.Concurrent;
using System.Data.Common;
using L2R.Domain.Common;
using L2R.Domain.Leads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace L2R.Api.Infrastructure.Data;

/// <summary>
/// Inserts many new rows of one entity at once, inside the open transaction, with the columns and value conversions of
/// the EF model, so it writes exactly what <c>SaveChanges</c> would: a binary <c>COPY</c> on PostgreSQL (into a
/// session's staging table, then one INSERT of what it holds: PostgreSQL refuses <c>COPY FROM</c> into a table under
/// row-level security, and the INSERT passes the policies' checks like any other, docs/decisions/0014), INSERTs of
/// many rows each on SQLite (whose provider would send every row as a statement of its own); on SQL Server the
/// rows go to the change tracker and the caller's <c>SaveChanges</c> writes them. The tenant rule of
/// <see cref="L2RDbContext"/> holds here too: a row is stamped with the current tenant, and another tenant's is refused;
/// and new leads add their board count change (<see cref="BoardCounts"/>) for the caller's save, as a saved lead would.
/// </summary>
public static class BulkInserts
{
    private static readonly ConcurrentDictionary<Type, Copy> Copies = new();

    public static async Task InsertManyAsync<T>(this L2RDbContext db, IReadOnlyCollection<T> rows, CancellationToken ct)
        where T : class, ITenantOwned
    {
        if (db.Database.IsNpgsql())
        {
            await CopyAsync(db, Stamped(db, rows), ct);
        }
        else if (db.Database.IsSqlite())
        {
            await InsertEachAsync(db, Stamped(db, rows), ct);
        }
        else
        {
            db.Set<T>().AddRange(rows);
            return;
        }

        // Leads past the change tracker still count on the board: their change is saved with the caller's next save.
        if (rows is IReadOnlyCollection<Lead> leads)
        {
            db.BoardCountChanges.AddRange(BoardCounts.Entering(leads.Select(l => l.State)));
        }
    }

    private static IReadOnlyCollection<T> Stamped<T>(L2RDbContext db, IReadOnlyCollection<T> rows)
        where T : class, ITenantOwned
    {
        var tenant = db.CurrentTenantId ?? throw new CrossTenantWriteException("No tenant is set for this write.");
        foreach (var row in rows)
        {
            if (row.TenantId == Guid.Empty)
            {
                row.TenantId = tenant;
            }
            else if (row.TenantId != tenant)
            {
                throw new CrossTenantWriteException($"A {typeof(T).Name} of another tenant cannot be written.");
            }
        }

        return rows;
    }

    /// <summary>
    /// Rows per INSERT on SQLite: one statement of many rows costs SQLite one step instead of one per row; bounded by the
    /// parameters a statement may bind (32,766 since SQLite 3.32).
    /// </summary>
    private const int SqliteRowsPerInsert = 100;
    private const int SqliteMaxParameters = 32_766;

    private static async Task InsertEachAsync<T>(L2RDbContext db, IReadOnlyCollection<T> rows, CancellationToken ct)
        where T : class
    {
        var columns = Columns(db.Model.FindEntityType(typeof(T))!, out var table);
        var sql = db.GetService<ISqlGenerationHelper>();
        var perInsert = Math.Min(SqliteRowsPerInsert, SqliteMaxParameters / columns.Count);
        var names = string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)));
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        DbCommand? full = null;
        try
        {
            foreach (var chunk in rows.Chunk(perInsert))
            {
                // Every full chunk reuses one command, so SQLite prepares its statement once; only the last may differ.
                var command = chunk.Length == perInsert && full is not null ? full : connection.CreateCommand();
                if (command != full)
                {
                    command.Transaction = transaction;
                    command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name)} ({names}) VALUES "
                        + string.Join(", ", Enumerable.Range(0, chunk.Length).Select(r => $"({string.Join(", ", columns.Select((_, c) => sql.GenerateParameterName($"p{r}_{c}")))})"));
                    if (chunk.Length == perInsert)
                    {
                        full = command;
                    }
                }

                command.Parameters.Clear();
                for (var r = 0; r < chunk.Length; r++)
                {
                    for (var c = 0; c < columns.Count; c++)
                    {
                        var column = columns[c];
                        command.Parameters.Add(column.GetRelationalTypeMapping()
                            .CreateParameter(command, sql.GenerateParameterName($"p{r}_{c}"), column.GetGetter().GetClrValueUsingContainingEntity(chunk[r]), column.IsNullable));
                    }
                }

                await command.ExecuteNonQueryAsync(ct);
                if (command != full)
                {
                    await command.DisposeAsync();
                }
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync();
            }
        }
    }

    private static async Task CopyAsync<T>(L2RDbContext db, IReadOnlyCollection<T> rows, CancellationToken ct)
        where T : class
    {
        var plan = Copies.GetOrAdd(typeof(T), _ => CopyOf(db.Model.FindEntityType(typeof(T))!));
        await db.Database.ExecuteSqlRawAsync(plan.Stage, ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using (var copy = await connection.BeginBinaryImportAsync(plan.CopyIn, ct))
        {
            foreach (var row in rows)
            {
                await copy.StartRowAsync(ct);
                foreach (var column in plan.Columns)
                {
                    var value = column.GetGetter().GetClrValueUsingContainingEntity(row);
                    if (column.GetTypeMapping().Converter is { } converter && value is not null)
                    {
                        value = converter.ConvertToProvider(value);
                    }

                    await WriteAsync(copy, value, ct);
                }
            }

            await copy.CompleteAsync(ct);
        }

        await db.Database.ExecuteSqlRawAsync(plan.Insert, ct);
    }

    /// <summary>The provider values our model stores, each as the PostgreSQL type EF gives its column (text fits varchar too).</summary>
    private static Task WriteAsync(NpgsqlBinaryImporter copy, object? value, CancellationToken ct) => value switch
    {
        null => copy.WriteNullAsync(ct),
        string text => copy.WriteAsync(text, NpgsqlDbType.Text, ct),
        Guid id => copy.WriteAsync(id, NpgsqlDbType.Uuid, ct),
        int number => copy.WriteAsync(number, NpgsqlDbType.Integer, ct),
        long number => copy.WriteAsync(number, NpgsqlDbType.Bigint, ct),
        bool flag => copy.WriteAsync(flag, NpgsqlDbType.Boolean, ct),
        decimal amount => copy.WriteAsync(amount, NpgsqlDbType.Numeric, ct),
        DateTime at => copy.WriteAsync(at, NpgsqlDbType.TimestampTz, ct),
        _ => throw new NotSupportedException($"Bulk inserts do not write {value.GetType().Name} values yet."),
    };

    /// <summary>
    /// The staging table lives as long as the session (Npgsql's reset drops it when the connection returns to the pool);
    /// the INSERT empties it as it reads it, so it is empty again for the next batch.
    /// </summary>
    private static Copy CopyOf(IEntityType entity)
    {
        var columns = Columns(entity, out var table);
        var names = string.Join(", ", columns.Select(p => $"\"{p.GetColumnName(table)}\""));
        var staging = $"\"l2r_copy_{table.Name}\"";
        return new Copy(
            $"CREATE TEMP TABLE IF NOT EXISTS {staging} (LIKE \"{table.Name}\")",
            $"COPY {staging} ({names}) FROM STDIN (FORMAT BINARY)",
            $"WITH staged AS (DELETE FROM {staging} RETURNING {names}) INSERT INTO \"{table.Name}\" ({names}) SELECT {names} FROM staged",
            columns);
    }

    private sealed record Copy(string Stage, string CopyIn, string Insert, IReadOnlyList<IProperty> Columns);

    private static List<IProperty> Columns(IEntityType entity, out StoreObjectIdentifier table)
    {
        var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        table = store;
        return entity.GetProperties().Where(p => p.GetColumnName(store) is not null).ToList();
    }
}
