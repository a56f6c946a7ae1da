using System.Net.Http.Headers;
using L2R.Bench.Infrastructure;
using L2R.Domain.Leads;
using Npgsql;
using NpgsqlTypes;

namespace L2R.Bench.Scenarios;

public sealed record BoardTenant(int Size, TenantInfo Tenant, Session Admin, IReadOnlyDictionary<LeadState, int> Counts);

/// <summary>
/// S2: the board. Each tenant is signed up through the API, then gets its leads by binary COPY (the read scenarios may
/// seed in bulk) and its stage counters, spread over the stages like a working pipeline, a third of them owned by the
/// admin so the card's owner-name lookup runs. The raw baseline sends the board's own statements (<see cref="BoardStatements"/>) on one connection.
/// </summary>
public sealed class BoardBench : IAsyncDisposable
{
    /// <summary>Share of leads per stage, in percent; Nurture is the longest column.</summary>
    public static readonly IReadOnlyDictionary<LeadState, int> Mix = new Dictionary<LeadState, int>
    {
        [LeadState.Raw] = 5,
        [LeadState.Scored] = 15,
        [LeadState.MQL] = 10,
        [LeadState.SalesAccepted] = 8,
        [LeadState.SQL] = 6,
        [LeadState.Opportunity] = 5,
        [LeadState.Nurture] = 25,
        [LeadState.Won] = 8,
        [LeadState.Lost] = 8,
        [LeadState.Disqualified] = 10,
    };

    private readonly ApiClient _api;
    private readonly NpgsqlDataSource _raw;
    private readonly bool _ownsRaw;

    private BoardBench(ApiClient api, NpgsqlDataSource raw, bool ownsRaw, IReadOnlyList<BoardTenant> tenants)
    {
        _api = api;
        _raw = raw;
        _ownsRaw = ownsRaw;
        Tenants = tenants;
    }

    public IReadOnlyList<BoardTenant> Tenants { get; }

    public static async Task<BoardBench> SetUpAsync(ApiClient api, ThrowawayPostgres postgres, IReadOnlyList<int> sizes, TextWriter log, CancellationToken ct)
    {
        var tenants = new List<BoardTenant>();
        foreach (var size in sizes)
        {
            var tenant = await api.SignUpAsync($"Bench Board {size}", ct);
            var admin = await api.LoginAsync(tenant.Slug, tenant.AdminEmail, ct);
            var started = DateTime.UtcNow;
            var counts = await CopyLeadsAsync(postgres, tenant, size, ct);
            log.WriteLine($"  S2 tenant '{tenant.Slug}': {size:N0} leads copied in {(DateTime.UtcNow - started).TotalSeconds:0.0} s");
            tenants.Add(new BoardTenant(size, tenant, admin, counts));
        }

        await using (var connection = postgres.OpenAdmin())
        {
            // What autovacuum would have done by the time a tenant has this many leads.
            await using var analyze = new NpgsqlCommand("""VACUUM ANALYZE "Leads", "Users" """, connection);
            await analyze.ExecuteNonQueryAsync(ct);
        }

        var raw = NpgsqlDataSource.Create(postgres.ConnectionString(ThrowawayPostgres.RawRole, "l2r-bench-raw"));
        return new BoardBench(api, raw, true, tenants);
    }

    /// <summary>The same tenants and tokens, sent to another API process (signed with the same key).</summary>
    public BoardBench WithApi(ApiClient api) => new(api, _raw, false, Tenants);

    public async Task GetViaApiAsync(BoardTenant tenant, int take, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/board?take={take}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tenant.Admin.AccessToken);
        using var response = await _api.Http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET /api/board answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        }
    }

    /// <summary>
    /// The board's statements on one pooled connection: the tenant's setting for row-level security, the counts from the
    /// stage counters and the unfolded changes, the first page of every non-empty column, the cards' SLA clocks.
    /// </summary>
    public async Task GetRawAsync(BoardTenant tenant, int take, CancellationToken ct)
    {
        await using var connection = await _raw.OpenConnectionAsync(ct);
        await RawSql.ReadAllAsync(connection, RawStatements.SetTenant, null, ct, tenant.Tenant.TenantId.ToString(), "off");
        var counts = new Dictionary<string, int>();
        await using (var count = new NpgsqlCommand(BoardStatements.Counts, connection))
        {
            count.Parameters.Add(new NpgsqlParameter { Value = tenant.Tenant.TenantId });
            await using var reader = await count.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                counts[reader.GetString(0)] = reader.GetInt32(1);
            }
        }

        var cards = new List<Guid>();
        foreach (var state in LeadStates.All)
        {
            if (counts.GetValueOrDefault(state.ToString()) == 0)
            {
                continue;
            }

            await using var page = new NpgsqlCommand(BoardStatements.Page, connection);
            page.Parameters.Add(new NpgsqlParameter { Value = tenant.Tenant.TenantId });
            page.Parameters.Add(new NpgsqlParameter { Value = state.ToString(), NpgsqlDbType = NpgsqlDbType.Varchar });
            page.Parameters.Add(new NpgsqlParameter { Value = take });
            page.Parameters.Add(new NpgsqlParameter { Value = 0 });
            await using var reader = await page.ExecuteReaderAsync(ct);
            var values = new object[reader.FieldCount];
            while (await reader.ReadAsync(ct))
            {
                reader.GetValues(values);
                cards.Add((Guid)values[0]);
            }
        }

        await RawSql.ReadAllAsync(connection, RawStatements.OpenClocks, null, ct, tenant.Tenant.TenantId, cards.ToArray());
    }

    /// <summary>EXPLAIN (ANALYZE, BUFFERS) of the board's statements for one tenant, for the report.</summary>
    public static async Task<string> ExplainAsync(ThrowawayPostgres postgres, BoardTenant tenant, int take, CancellationToken ct)
    {
        var longest = tenant.Counts.MaxBy(c => c.Value).Key;
        await using var connection = postgres.OpenAdmin();
        var of = $", tenant with {tenant.Size:N0} leads";
        return await RawSql.ExplainAsync(connection,
        [
            ("counts from the stage counters" + of, BoardStatements.Counts, [tenant.Tenant.TenantId]),
            ($"first page of {longest}" + of, BoardStatements.Page, [tenant.Tenant.TenantId, longest.ToString(), take, 0]),
        ], ct);
    }

    public ValueTask DisposeAsync() => _ownsRaw ? _raw.DisposeAsync() : ValueTask.CompletedTask;

    private static async Task<IReadOnlyDictionary<LeadState, int>> CopyLeadsAsync(ThrowawayPostgres postgres, TenantInfo tenant, int size, CancellationToken ct)
    {
        var random = new Random(size);
        var states = Mix.SelectMany(m => Enumerable.Repeat(m.Key, m.Value)).ToArray();
        var counts = LeadStates.All.ToDictionary(s => s, _ => 0);
        var industries = new[] { "Software", "Healthcare", "Retail", "Manufacturing", "Education", "Financial Services" };
        var start = DateTime.UtcNow.AddDays(-400);
        var leads = new BulkRows("Leads", BenchLeads.Columns, size, i =>
        {
            var state = states[random.Next(states.Length)];
            counts[state]++;
            var fit = random.Next(0, 76);
            var engagement = random.Next(0, 61);
            var created = start.AddMinutes(random.Next(0, 400 * 24 * 60));
            var updated = created.AddDays(random.Next(0, 30));
            var version = 1 + random.Next(0, 6);
            var companySize = 10 + random.Next(0, 5000);
            var checklist = new[] { random.Next(2) == 1, random.Next(2) == 1, random.Next(2) == 1, random.Next(2) == 1 };
            return column => column switch
            {
                "Id" => Guid.NewGuid(),
                "State" => state.ToString(),
                "Version" => version,
                "Title" => i % 3 == 0 ? "VP Operations" : "Manager",
                "Company" => $"Company {i % 5000}",
                "Industry" => industries[i % industries.Length],
                "CompanySize" => companySize,
                "OwnerId" => i % 3 == 0 ? tenant.AdminUserId : null,
                "Budget" => checklist[0],
                "Authority" => checklist[1],
                "Need" => checklist[2],
                "Timeline" => checklist[3],
                "FitScore" => fit,
                "EngagementScore" => engagement,
                "TotalScore" => fit + engagement,
                "AgreementVersion" => 1,
                "CreatedAt" => created,
                "UpdatedAt" or "StageEnteredAt" or "ScoredAt" => updated,
                _ => BenchLeads.Common(i, tenant.TenantId, column),
            };
        });

        await using var connection = postgres.OpenAdmin();
        await leads.CopyAsync(connection, ct);

        // Leads copied past the API are counted as the BoardStageCounters migration counts an existing tenant's.
        await using var count = new NpgsqlCommand(
            """INSERT INTO "BoardCounters" ("TenantId", "Stage", "Count") SELECT "TenantId", "State", count(*) FROM "Leads" WHERE "TenantId" = $1 GROUP BY "TenantId", "State" """, connection);
        count.Parameters.Add(new NpgsqlParameter { Value = tenant.TenantId });
        await count.ExecuteNonQueryAsync(ct);
        return counts;
    }
}

/// <summary>The board's statements as EF Core 10 + Npgsql send them (read from PostgreSQL's log with log_statement=all).</summary>
public static class BoardStatements
{
    /// <summary>The unfiltered board's counts: the folded stage counters plus the changes since (docs/decisions/0015).</summary>
    public const string Counts =
        """
        SELECT u."Stage", COALESCE(sum(u."Count"), 0)::int AS "Count"
        FROM (
            SELECT b."Stage", b."Count"
            FROM "BoardCounters" AS b
            WHERE b."TenantId" = $1
            UNION ALL
            SELECT b0."Stage", b0."Delta" AS "Count"
            FROM "BoardCountChanges" AS b0
            WHERE b0."TenantId" = $1
        ) AS u
        GROUP BY u."Stage"
        """;

    public const string Page =
        """
        SELECT l."Id", l."DisplayName", l."Company", l."TotalScore", l."FitScore", l."EngagementScore", l."ScoredAt", l."OwnerId", (
            SELECT u."DisplayName"
            FROM "Users" AS u
            WHERE u."TenantId" = $1 AND u."Id" = l."OwnerId"
            LIMIT 1), l."Source", l."Campaign", l."State", l."StageEnteredAt", l."Version"
        FROM "Leads" AS l
        WHERE l."TenantId" = $1 AND l."State" = $2
        ORDER BY l."TotalScore" DESC, l."CreatedAt", l."Id"
        LIMIT $3 OFFSET $4
        """;
}
