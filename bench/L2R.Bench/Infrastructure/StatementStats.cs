using Npgsql;

namespace L2R.Bench.Infrastructure;

public sealed record StatementCount(long QueryId, string Query, long Calls);

/// <summary>What one role sent to PostgreSQL since the last reset, from pg_stat_statements (utility statements included).</summary>
public sealed class StatementStats(ThrowawayPostgres postgres)
{
    public void Reset()
    {
        using var connection = postgres.OpenAdmin();
        using var command = new NpgsqlCommand("SELECT pg_stat_statements_reset()", connection);
        command.ExecuteNonQuery();
    }

    public IReadOnlyList<StatementCount> Read(string role)
    {
        using var connection = postgres.OpenAdmin();
        using var command = new NpgsqlCommand(
            """
            SELECT s.queryid, s.query, s.calls
            FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid
            WHERE r.rolname = $1 AND s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
            ORDER BY s.calls DESC, s.query
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = role });
        using var reader = command.ExecuteReader();
        var rows = new List<StatementCount>();
        while (reader.Read())
        {
            rows.Add(new StatementCount(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2)));
        }

        return rows;
    }

    /// <summary>Whether two roles sent the same statements as often, apart from connection resets (DISCARD ALL).</summary>
    public static bool SameStatements(IReadOnlyList<StatementCount> a, IReadOnlyList<StatementCount> b)
    {
        static Dictionary<long, long> Of(IEnumerable<StatementCount> s) =>
            s.Where(x => !IsReset(x)).GroupBy(x => x.QueryId).ToDictionary(g => g.Key, g => g.Sum(x => x.Calls));
        var (left, right) = (Of(a), Of(b));
        return left.Count == right.Count && left.All(x => right.TryGetValue(x.Key, out var calls) && calls == x.Value);
    }

    /// <summary>Whether <paramref name="all"/> holds every statement of <paramref name="part"/> as often, resets aside (a role that also runs background work sends more).</summary>
    public static bool Holds(IReadOnlyList<StatementCount> all, IReadOnlyList<StatementCount> part) =>
        part.Where(p => !IsReset(p)).All(p => all.Where(a => a.QueryId == p.QueryId).Sum(a => a.Calls) == p.Calls);

    /// <summary>
    /// Drops what the API's background work sent meanwhile (the scheduler's own tables, the outbox relay, the board
    /// count fold and the tenant list they visit), which a baseline of one request does not send.
    /// </summary>
    public static IReadOnlyList<StatementCount> WithoutBackground(IReadOnlyList<StatementCount> s) =>
        s.Where(x => !Background.Any(b => x.Query.Contains(b, StringComparison.Ordinal))).ToList();

    private static readonly string[] Background =
    [
        "QRTZ_", "\"Position\" = $1", "max(o.\"Position\")", "o.\"Position\" IS NULL", "\"WebhookDeliveries\"", "\"WebhookSubscriptions\"",
        "FROM \"OutboxEvents\" AS o", "\"BoardCounters\"", "DELETE FROM \"BoardCountChanges\"", "FROM \"BoardCountChanges\" AS b", "FROM \"Tenants\" AS t",
    ];

    public static double Resets(IReadOnlyList<StatementCount> s) => s.Where(IsReset).Sum(x => x.Calls);

    private static bool IsReset(StatementCount s) => s.Query.Trim().Equals("DISCARD ALL", StringComparison.OrdinalIgnoreCase);

    public static bool IsQuery(StatementCount s) =>
        s.Query.TrimStart().Split(' ', 2)[0].ToUpperInvariant() is "SELECT" or "INSERT" or "UPDATE" or "DELETE" or "WITH";
}
