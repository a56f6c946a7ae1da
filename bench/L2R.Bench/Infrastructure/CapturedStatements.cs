using System.Text;
using System.Text.RegularExpressions;
using Npgsql;
using NpgsqlTypes;

namespace L2R.Bench.Infrastructure;

/// <summary>One statement the API sent, with its parameters as PostgreSQL logged them (text, or null for NULL).</summary>
public sealed record CapturedStatement(string Sql, IReadOnlyList<string?> Parameters);

/// <summary>
/// The statements an API request sent, read back from PostgreSQL's log (<see cref="ThrowawayPostgres.CaptureStatementsAsync"/>)
/// so a raw baseline can send exactly them again, when the SQL is generated per request (the metrics ledger) and a
/// hand-written copy would drift. Parameters go back as text of unknown type, so PostgreSQL infers the types it
/// inferred for the API's; connection resets and transaction control are left out.
/// </summary>
public static partial class CapturedStatements
{
    /// <summary>
    /// The statements of one tenant's request: those that bind the tenant's id, as every query of a tenant's request does
    /// (the tenant filter), which leaves out the background jobs' statements logged meanwhile by the same application;
    /// and the session settings a request sets for its query (the metrics' <c>SET</c>), which the raw side needs too.
    /// </summary>
    public static IReadOnlyList<CapturedStatement> Parse(string capture, Guid tenantId) =>
        Parse(capture).Where(s => s.Parameters.Contains(tenantId.ToString()) || s.Sql.StartsWith("SET ", StringComparison.Ordinal)).ToList();

    public static IReadOnlyList<CapturedStatement> Parse(string capture)
    {
        var statements = new List<CapturedStatement>();
        StringBuilder? sql = null;
        foreach (var line in capture.Split('\n'))
        {
            if (line.StartsWith('\t'))
            {
                sql?.Append('\n').Append(line[1..]);
                continue;
            }

            if (Execute().Match(line) is { Success: true } execute)
            {
                Flush();
                sql = new StringBuilder(execute.Groups["sql"].Value);
            }
            else if (Detail().Match(line) is { Success: true } detail && sql is not null)
            {
                var text = sql.ToString();
                sql = null;
                statements.Add(new CapturedStatement(text, Values(detail.Groups["parameters"].Value)));
            }
            else
            {
                Flush();
            }
        }

        Flush();
        return statements.Where(s => !IsControl(s.Sql)).ToList();

        void Flush()
        {
            if (sql is not null)
            {
                statements.Add(new CapturedStatement(sql.ToString(), []));
                sql = null;
            }
        }
    }

    /// <summary>Sends each statement on one connection and reads every value of every row; <paramref name="row"/> sees each row.</summary>
    public static async Task<int> ReplayAsync(NpgsqlConnection connection, IReadOnlyList<CapturedStatement> statements, Action<object[]>? row, CancellationToken ct)
    {
        var rows = 0;
        foreach (var statement in statements)
        {
            await using var command = new NpgsqlCommand(statement.Sql, connection);
            foreach (var value in statement.Parameters)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Unknown });
            }

            await using var reader = await command.ExecuteReaderAsync(ct);
            var values = new object[reader.FieldCount];
            while (await reader.ReadAsync(ct))
            {
                reader.GetValues(values);
                row?.Invoke(values);
                rows++;
            }
        }

        return rows;
    }

    private static bool IsControl(string sql) =>
        sql.Trim().Split(' ', 2)[0].ToUpperInvariant() is "DISCARD" or "BEGIN" or "COMMIT" or "ROLLBACK" or "SAVEPOINT" or "RELEASE" or "START";

    /// <summary>"$1 = 'a', $2 = NULL, $3 = 'it''s'": quoted values with doubled quotes, or NULL.</summary>
    private static List<string?> Values(string text)
    {
        var values = new List<string?>();
        var i = 0;
        while (i < text.Length)
        {
            var equals = text.IndexOf(" = ", i, StringComparison.Ordinal);
            if (equals < 0)
            {
                break;
            }

            i = equals + 3;
            if (text.AsSpan(i).StartsWith("NULL"))
            {
                values.Add(null);
                i += 4;
            }
            else
            {
                var value = new StringBuilder();
                i++;
                while (i < text.Length)
                {
                    if (text[i] == '\'' && i + 1 < text.Length && text[i + 1] == '\'')
                    {
                        value.Append('\'');
                        i += 2;
                    }
                    else if (text[i] == '\'')
                    {
                        i++;
                        break;
                    }
                    else
                    {
                        value.Append(text[i++]);
                    }
                }

                values.Add(value.ToString());
            }

            i = text.IndexOf(", $", i, StringComparison.Ordinal) is var next and >= 0 ? next + 2 : text.Length;
        }

        return values;
    }

    [GeneratedRegex(@": LOG:  (?:execute [^:]+|statement): (?<sql>.*)$")]
    private static partial Regex Execute();

    [GeneratedRegex(@": DETAIL:  [Pp]arameters: (?<parameters>.*)$")]
    private static partial Regex Detail();
}
