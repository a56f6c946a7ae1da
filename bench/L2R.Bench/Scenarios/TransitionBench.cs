using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using L2R.Bench.Infrastructure;
using L2R.Domain.Agreements;
using L2R.Domain.Leads;
using Npgsql;
using NpgsqlTypes;

namespace L2R.Bench.Scenarios;

/// <summary>A bench lead and the state the bench last moved it to; a lead is used by one request at a time.</summary>
public sealed class PoolLead(Guid id, LeadState state)
{
    public Guid Id { get; } = id;
    public LeadState State { get; set; } = state;
}

/// <summary>
/// S1: lead transitions. The tenant, its users and its leads are made through the product's own commands; each
/// request takes the next free lead, so concurrent requests never share one, and fires the trigger that moves it
/// one step round the bench agreement's cycle. The raw baseline sends the statements the API's transition sends
/// (captured from PostgreSQL with log_statement=all: <see cref="RawStatements"/>) over Npgsql, on the same leads.
/// </summary>
public sealed class TransitionBench : IAsyncDisposable
{
    private static readonly Dictionary<LeadTrigger, byte[]> Bodies = new()
    {
        [LeadTrigger.Qualify] = Encoding.UTF8.GetBytes("""{"trigger":"Qualify"}"""),
        [LeadTrigger.Reject] = Encoding.UTF8.GetBytes("""{"trigger":"Reject","reasonCode":"no-need"}"""),
        [LeadTrigger.Reengage] = Encoding.UTF8.GetBytes("""{"trigger":"Reengage"}"""),
    };

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly ApiClient _api;
    private readonly NpgsqlDataSource _raw;
    private readonly ConcurrentQueue<PoolLead> _pool;
    private readonly Dictionary<LeadTrigger, string> _criteriaJson;

    private readonly bool _ownsRaw;

    private TransitionBench(ApiClient api, NpgsqlDataSource raw, bool ownsRaw, TenantInfo tenant, IReadOnlyList<Session> users, ConcurrentQueue<PoolLead> pool, int agreementVersion)
    {
        _api = api;
        _raw = raw;
        _ownsRaw = ownsRaw;
        Tenant = tenant;
        Users = users;
        _pool = pool;
        AgreementVersion = agreementVersion;
        var agreement = BenchAgreement.Create();
        _criteriaJson = new[] { LeadTrigger.Qualify, LeadTrigger.Reject, LeadTrigger.Reengage }.ToDictionary(t => t, t => BenchAgreement.SampleCriteriaJson(agreement, t));
    }

    public TenantInfo Tenant { get; }

    public IReadOnlyList<Session> Users { get; }

    public int AgreementVersion { get; }

    public int Leads => _pool.Count;

    public static async Task<TransitionBench> SetUpAsync(ApiClient api, ThrowawayPostgres postgres, int leadCount, int userCount, TextWriter log, CancellationToken ct)
    {
        var tenant = await api.SignUpAsync("Bench Transitions", ct);
        var admin = await api.LoginAsync(tenant.Slug, tenant.AdminEmail, ct);
        var users = new List<Session>();
        for (var i = 0; i < Math.Max(2, userCount); i++)
        {
            users.Add(await api.AddUserAsync(admin, tenant.Slug, $"Bench Rep {i + 1}", ["Sales", "Marketing"], ct));
        }

        var version = await InstallBenchAgreementAsync(api, admin, users[0], users[1], ct);
        log.WriteLine($"  S1 tenant '{tenant.Slug}': agreement v{version} activated, {users.Count} Sales+Marketing users; creating {leadCount} leads through the API ...");
        var leads = new ConcurrentBag<PoolLead>();
        await Parallel.ForEachAsync(Enumerable.Range(0, leadCount), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (i, token) =>
        {
            var session = users[i % users.Count];
            var created = await api.CreateLeadAsync(session, new
            {
                firstName = $"Bench{i}",
                lastName = "Lead",
                email = $"bench.lead.{i}@globex.example",
                phone = "+1 555 010 2020",
                title = "VP Operations",
                company = $"Globex {i % 97}",
                companySize = 500,
                industry = "Software",
                source = "Webinar",
                campaign = "Bench",
            }, token);
            var id = Guid.Parse(created["lead"]!["id"]!.GetValue<string>());
            var engaged = await api.RecordActivityAsync(session, id, "Meeting", token);
            var state = Enum.Parse<LeadState>(engaged["lead"]!["state"]!.GetValue<string>());
            leads.Add(new PoolLead(id, state));
        });

        var offCycle = leads.Where(l => l.State is not (LeadState.Scored or LeadState.MQL or LeadState.Nurture)).ToList();
        if (offCycle.Count > 0)
        {
            throw new InvalidOperationException($"{offCycle.Count} bench leads ended in {offCycle[0].State}, off the cycle; the bench agreement did not take.");
        }

        var raw = NpgsqlDataSource.Create(postgres.ConnectionString(ThrowawayPostgres.RawRole, "l2r-bench-raw"));
        return new TransitionBench(api, raw, true, tenant, users, new ConcurrentQueue<PoolLead>(leads.OrderBy(l => l.Id)), version);
    }

    /// <summary>The same tenant, users and leads, sent to another API process (signed with the same key).</summary>
    public TransitionBench WithApi(ApiClient api) => new(api, _raw, false, Tenant, Users, _pool, AgreementVersion);

    /// <summary>One transition through HTTP: JWT, tenant filter, role check, guard evaluation, history row, auto-advance check.</summary>
    public async Task FireViaApiAsync(int worker, CancellationToken ct)
    {
        var lead = Take();
        try
        {
            var trigger = BenchAgreement.NextTrigger(lead.State);
            var user = Users[worker % Users.Count];
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/leads/{lead.Id}/transitions");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
            request.Content = new ByteArrayContent(Bodies[trigger]);
            request.Content.Headers.ContentType = Json;
            using var response = await _api.Http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                var problem = await response.Content.ReadAsStringAsync(ct);
                var current = await _api.GetLeadAsync(user, lead.Id, ct);
                lead.State = Enum.Parse<LeadState>(current["state"]!.GetValue<string>());
                throw new InvalidOperationException($"{trigger} answered {(int)response.StatusCode}: {problem}");
            }

            lead.State = LeadWorkflow.TargetOf(trigger);
        }
        finally
        {
            _pool.Enqueue(lead);
        }
    }

    /// <summary>
    /// The same statements, in the same order and transaction, straight over Npgsql on one pooled connection, then what
    /// the live board's publisher reads after the commit on another; each connection first sets the tenant for
    /// row-level security, as the API's does.
    /// </summary>
    public async Task FireRawAsync(int worker, CancellationToken ct)
    {
        var lead = Take();
        try
        {
            var user = Users[worker % Users.Count];
            var now = DateTime.UtcNow;
            LeadState target;
            await using (var connection = await OpenRawAsync(ct))
            {
                await using var transaction = await connection.BeginTransactionAsync(ct);
                var (state, version, sequence) = await ReadLeadAsync(connection, lead.Id, ct);
                await RawSql.ReadAllAsync(connection, RawStatements.ActiveAgreement, null, ct, Tenant.TenantId);
                await RawSql.ReadAllAsync(connection, RawStatements.Activities, null, ct, Tenant.TenantId, new[] { lead.Id });
                await RawSql.ReadAllAsync(connection, RawStatements.Calendar, null, ct, Tenant.TenantId);
                var clocks = new List<(Guid Id, int Version)>();
                await RawSql.ReadAllAsync(connection, RawStatements.OpenClocks, values => clocks.Add(((Guid)values[0], (int)values[12])), ct, Tenant.TenantId, new[] { lead.Id });
                var entries = new List<(Guid Id, DateTime EnteredAt, DateTime LeadCreatedAt, DateTime? LeftAt, string Stage)>();
                await RawSql.ReadAllAsync(connection, RawStatements.StageEntries, values => entries.Add(((Guid)values[0], (DateTime)values[3], (DateTime)values[6], values[8] as DateTime?, (string)values[11])), ct, Tenant.TenantId, new[] { lead.Id });

                var trigger = BenchAgreement.NextTrigger(state);
                target = LeadWorkflow.TargetOf(trigger);
                await transaction.SaveAsync("lead_events", ct);
                await using (var batch = new NpgsqlBatch(connection))
                {
                    var reject = trigger == LeadTrigger.Reject;
                    foreach (var (stage, delta) in new[] { (state, -1), (target, 1) }.OrderBy(c => c.Item1))
                    {
                        batch.BatchCommands.Add(RawSql.BatchCommand(RawStatements.InsertBoardCountChange,
                            (Guid.NewGuid(), NpgsqlDbType.Uuid), (delta, NpgsqlDbType.Integer), (stage.ToString(), NpgsqlDbType.Varchar), (Tenant.TenantId, NpgsqlDbType.Uuid)));
                    }

                    batch.BatchCommands.Add(RawSql.BatchCommand(
                        RawStatements.InsertTransition,
                        (Guid.NewGuid(), NpgsqlDbType.Uuid), (null, NpgsqlDbType.Uuid), ("User", NpgsqlDbType.Varchar), (user.UserId, NpgsqlDbType.Uuid), (AgreementVersion, NpgsqlDbType.Integer),
                        (_criteriaJson[trigger], NpgsqlDbType.Text), (state.ToString(), NpgsqlDbType.Varchar), (null, NpgsqlDbType.Uuid), ("Moved", NpgsqlDbType.Varchar), (lead.Id, NpgsqlDbType.Uuid),
                        (null, NpgsqlDbType.Uuid), (null, NpgsqlDbType.Varchar), (now, NpgsqlDbType.TimestampTz), (null, NpgsqlDbType.Uuid), (reject ? "no-need" : null, NpgsqlDbType.Varchar),
                        (reject ? "No current need" : null, NpgsqlDbType.Varchar), (0, NpgsqlDbType.Integer), (Tenant.TenantId, NpgsqlDbType.Uuid),
                        (target.ToString(), NpgsqlDbType.Varchar), (trigger.ToString(), NpgsqlDbType.Varchar)));
                    batch.BatchCommands.Add(RawSql.BatchCommand(
                        RawStatements.UpdateLead,
                        (sequence + 1, NpgsqlDbType.Integer), (now, NpgsqlDbType.TimestampTz), (now, NpgsqlDbType.TimestampTz), (target.ToString(), NpgsqlDbType.Varchar), (now, NpgsqlDbType.TimestampTz),
                        (version + 1, NpgsqlDbType.Integer), (lead.Id, NpgsqlDbType.Uuid), (version, NpgsqlDbType.Integer)));
                    var updated = batch.BatchCommands.Count - 1;
                    batch.BatchCommands.Add(RawSql.BatchCommand(
                        RawStatements.InsertEvent,
                        (Guid.NewGuid(), NpgsqlDbType.Uuid), (_criteriaJson[trigger], NpgsqlDbType.Text), (lead.Id, NpgsqlDbType.Uuid), (sequence + 1, NpgsqlDbType.Integer),
                        (now, NpgsqlDbType.TimestampTz), (null, NpgsqlDbType.Bigint), (null, NpgsqlDbType.TimestampTz), (Tenant.TenantId, NpgsqlDbType.Uuid), ("lead.moved", NpgsqlDbType.Varchar)));
                    if (target == LeadState.MQL)
                    {
                        batch.BatchCommands.Add(RawSql.BatchCommand(
                            RawStatements.InsertClock,
                            (Guid.NewGuid(), NpgsqlDbType.Uuid), (AgreementVersion, NpgsqlDbType.Integer), (null, NpgsqlDbType.TimestampTz), (now.AddHours(24), NpgsqlDbType.TimestampTz),
                            (lead.Id, NpgsqlDbType.Uuid), (now, NpgsqlDbType.TimestampTz), ("Running", NpgsqlDbType.Varchar), (null, NpgsqlDbType.Varchar), (null, NpgsqlDbType.TimestampTz),
                            (Tenant.TenantId, NpgsqlDbType.Uuid), ("""{"id":"mql-response"}""", NpgsqlDbType.Text), ("mql-response", NpgsqlDbType.Varchar), (1, NpgsqlDbType.Integer),
                            (now.AddHours(18), NpgsqlDbType.TimestampTz), (null, NpgsqlDbType.TimestampTz)));
                    }

                    foreach (var clock in reject ? clocks : [])
                    {
                        batch.BatchCommands.Add(RawSql.BatchCommand(
                            RawStatements.StopClock,
                            ("Stopped", NpgsqlDbType.Varchar), ("Reject", NpgsqlDbType.Varchar), (now, NpgsqlDbType.TimestampTz), (clock.Version + 1, NpgsqlDbType.Integer),
                            (clock.Id, NpgsqlDbType.Uuid), (clock.Version, NpgsqlDbType.Integer)));
                    }

                    // The entry the move ends, and the one it starts (worked out from the entries read, as the save does).
                    var previousVisit = entries.Where(e => e.Stage == target.ToString()).Select(e => (DateTime?)e.EnteredAt).Max();
                    foreach (var open in entries.Where(e => e.LeftAt is null))
                    {
                        batch.BatchCommands.Add(RawSql.BatchCommand(
                            RawStatements.EndStageEntry, (trigger.ToString(), NpgsqlDbType.Varchar), (now, NpgsqlDbType.TimestampTz), (open.Id, NpgsqlDbType.Uuid)));
                    }

                    batch.BatchCommands.Add(RawSql.BatchCommand(
                        RawStatements.InsertStageEntry,
                        (Guid.NewGuid(), NpgsqlDbType.Uuid), (AgreementVersion, NpgsqlDbType.Integer), (AgreementVersion, NpgsqlDbType.Integer), (now, NpgsqlDbType.TimestampTz), (trigger.ToString(), NpgsqlDbType.Varchar),
                        (null, NpgsqlDbType.Varchar), (entries.Count > 0 ? entries.Min(e => e.LeadCreatedAt) : now, NpgsqlDbType.TimestampTz), (lead.Id, NpgsqlDbType.Uuid), (null, NpgsqlDbType.TimestampTz),
                        (null, NpgsqlDbType.Uuid), (previousVisit, NpgsqlDbType.TimestampTz), (target.ToString(), NpgsqlDbType.Varchar), (0, NpgsqlDbType.Integer), (Tenant.TenantId, NpgsqlDbType.Uuid)));
                    await batch.ExecuteNonQueryAsync(ct);
                    if (batch.BatchCommands[updated].RecordsAffected != 1)
                    {
                        throw new InvalidOperationException($"Lead {lead.Id} changed under the raw baseline.");
                    }
                }

                await RawSql.ReadAllAsync(connection, RawStatements.UserNames, null, ct, Tenant.TenantId, new[] { user.UserId });
                await RawSql.ReadAllAsync(connection, RawStatements.OpenClocks, null, ct, Tenant.TenantId, new[] { lead.Id });
                await transaction.CommitAsync(ct);
            }

            lead.State = target;
            await using (var publisher = await OpenRawAsync(ct))
            {
                await RawSql.ReadAllAsync(publisher, RawStatements.Cards, null, ct, Tenant.TenantId, new[] { lead.Id });
                await RawSql.ReadAllAsync(publisher, RawStatements.OpenClocks, null, ct, Tenant.TenantId, new[] { lead.Id });
                await RawSql.ReadAllAsync(publisher, RawStatements.UserNames, null, ct, Tenant.TenantId, new[] { user.UserId });
            }
        }
        finally
        {
            _pool.Enqueue(lead);
        }
    }

    /// <summary>A pooled connection with the tenant set for row-level security, as the API's interceptor sets it on every open.</summary>
    private async Task<NpgsqlConnection> OpenRawAsync(CancellationToken ct)
    {
        var connection = await _raw.OpenConnectionAsync(ct);
        await RawSql.ReadAllAsync(connection, RawStatements.SetTenant, null, ct, Tenant.TenantId.ToString(), "off");
        return connection;
    }

    public ValueTask DisposeAsync() => _ownsRaw ? _raw.DisposeAsync() : ValueTask.CompletedTask;

    private PoolLead Take() =>
        _pool.TryDequeue(out var lead) ? lead : throw new InvalidOperationException("More concurrent requests than bench leads.");

    private async Task<(LeadState State, int Version, int Sequence)> ReadLeadAsync(NpgsqlConnection connection, Guid id, CancellationToken ct)
    {
        (LeadState State, int Version, int Sequence)? lead = null;
        await RawSql.ReadAllAsync(connection, RawStatements.Lead, values => lead = (
            Enum.Parse<LeadState>((string)values[RawStatements.LeadOrdinal("State")]),
            (int)values[RawStatements.LeadOrdinal("Version")],
            (int)values[RawStatements.LeadOrdinal("EventSequence")]), ct, Tenant.TenantId, id);
        return lead ?? throw new InvalidOperationException($"Lead {id} is gone.");
    }

    /// <summary>Through the product's own agreement workflow: draft, edit, a Marketing and a Sales sign-off by two people, activate.</summary>
    private static async Task<int> InstallBenchAgreementAsync(ApiClient api, Session admin, Session marketing, Session sales, CancellationToken ct)
    {
        var draft = await api.SignedOffDraftAsync(admin, marketing, sales, BenchAgreement.Create(), ct);
        var (activation, _) = await api.ActivateAsync(admin, draft, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10), ct);
        if (activation["status"]!.GetValue<string>() != "Completed")
        {
            throw new InvalidOperationException($"The bench agreement's activation did not complete: {activation.ToJsonString()}");
        }

        return activation["version"]!.GetValue<int>();
    }
}

/// <summary>
/// The statements one user-fired transition sends (EF Core 10 + Npgsql, read from PostgreSQL's log with
/// log_statement=all; the bench writes a fresh capture to artifacts/bench/s1-transition-statements.log): in one
/// connection's tenant setting; in one transaction the lead, the active agreement, the lead's activities (the mover's
/// batch query, for one lead), the calendar and the lead's open SLA clocks; a savepoint (a save numbering a stored lead's
/// events may be tried again from it); in one SaveChanges batch the board count
/// changes, the history INSERT, the lead UPDATE, the outbox event and the clock the move starts or stops; the actor's
/// name and the clocks again for the response; COMMIT; then the live board's card, clocks and actor name on another
/// connection. (The token's active-user check is cached by the API, and auto-advance is skipped where the agreement has
/// no automatic move from the new stage.) Not sent: the drift check after a reject, and the background work that runs
/// meanwhile. The bench checks at run time, by pg_stat_statements query id, that the API still sends these.
/// </summary>
public static class RawStatements
{
    /// <summary>Every column of a lead, as EF Core reads a tracked one (the transition's lead, the activation's batch).</summary>
    public const string LeadColumns =
        """
        SELECT l."Id", l."AgreementVersion", l."Amount", l."AnnualRevenue", l."Authority", l."Budget", l."Campaign", l."Company", l."CompanySize", l."Country", l."CreatedAt", l."CustomFields", l."DisplayName", l."Email", l."EngagementScore", l."EventSequence", l."ExpectedCloseDate", l."FirstName", l."FitScore", l."Industry", l."LastName", l."Need", l."NormalizedEmail", l."OwnerId", l."Phone", l."QueuedAt", l."ScoredAt", l."Source", l."StageEnteredAt", l."State", l."TeamId", l."TenantId", l."Timeline", l."Title", l."TotalScore", l."UpdatedAt", l."Version", l."Website"
        FROM "Leads" AS l
        """;

    private static readonly string[] LeadColumnNames = LeadColumns.Split('\n')[0]["SELECT ".Length..].Split(", ").Select(c => c.Trim()[3..^1]).ToArray();

    /// <summary>Where <paramref name="column"/> is among the values of a row read with <see cref="LeadColumns"/>.</summary>
    public static int LeadOrdinal(string column) => Array.IndexOf(LeadColumnNames, column) is >= 0 and var i ? i : throw new ArgumentException($"No lead column {column}.", nameof(column));

    public const string Lead = LeadColumns + "\n" +
        """
        WHERE l."TenantId" = $1 AND l."Id" = $2
        LIMIT 1
        """;

    public const string ActiveAgreement =
        """
        SELECT a."Id", a."Version"
        FROM "AgreementVersions" AS a
        WHERE a."TenantId" = $1 AND a."Status" = 'Active'
        LIMIT 2
        """;

    public const string Activities =
        """
        SELECT l."LeadId", l."Type", l."OccurredAt", l."Campaign"
        FROM "LeadActivities" AS l
        WHERE l."TenantId" = $1 AND l."LeadId" = ANY ($2)
        """;

    public const string Calendar =
        """
        SELECT c."Id", c."Holidays", c."Hours", c."TenantId", c."TimeZone", c."UpdatedAt", c."UpdatedBy"
        FROM "Calendars" AS c
        WHERE c."TenantId" = $1
        LIMIT 1
        """;

    /// <summary>The lead's running or paused SLA clocks with their pauses: before the move (the mover's), after it (the response's summary) and for the pushed card.</summary>
    public const string OpenClocks =
        """
        SELECT s."Id", s."AgreementVersion", s."BreachedAt", s."DueAt", s."LeadId", s."StartedAt", s."Status", s."StopReason", s."StoppedAt", s."TenantId", s."Term", s."TermId", s."Version", s."WarnAt", s."WarnedAt", s1."Id", s1."ClockId", s1."PausedAt", s1."ResumedAt", s1."Stage", s1."TenantId"
        FROM "SlaClocks" AS s
        LEFT JOIN (
            SELECT s0."Id", s0."ClockId", s0."PausedAt", s0."ResumedAt", s0."Stage", s0."TenantId"
            FROM "SlaClockPauses" AS s0
            WHERE s0."TenantId" = $1
        ) AS s1 ON s."TenantId" = s1."TenantId" AND s."Id" = s1."ClockId"
        WHERE s."TenantId" = $1 AND s."Status" IN ('Running', 'Paused') AND s."LeadId" = ANY ($2)
        ORDER BY s."Id"
        """;

    /// <summary>The lead's stage entries, which the save reads to derive the new entry and end the last (docs/decisions/0009).</summary>
    public const string StageEntries =
        """
        SELECT s."Id", s."AgreementVersion", s."CohortVersion", s."EnteredAt", s."EnteredBy", s."ExitTrigger", s."LeadCreatedAt", s."LeadId", s."LeftAt", s."OwnerId", s."PreviousVisitAt", s."Stage", s."Step", s."TenantId"
        FROM "StageEntries" AS s
        WHERE s."TenantId" = $1 AND s."LeadId" = ANY ($2)
        """;

    public const string EndStageEntry =
        """
        UPDATE "StageEntries" SET "ExitTrigger" = $1, "LeftAt" = $2
        WHERE "Id" = $3
        """;

    public const string InsertStageEntry =
        """
        INSERT INTO "StageEntries" ("Id", "AgreementVersion", "CohortVersion", "EnteredAt", "EnteredBy", "ExitTrigger", "LeadCreatedAt", "LeadId", "LeftAt", "OwnerId", "PreviousVisitAt", "Stage", "Step", "TenantId")
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
        """;

    /// <summary>Each stage the move leaves and enters gets a change row for the board's counts (docs/decisions/0015), in the lead's save.</summary>
    public const string InsertBoardCountChange =
        """
        INSERT INTO "BoardCountChanges" ("Id", "Delta", "Stage", "TenantId")
        VALUES ($1, $2, $3, $4)
        """;

    public const string InsertTransition =
        """
        INSERT INTO "LeadTransitions" ("Id", "ActorClientId", "ActorKind", "ActorUserId", "AgreementVersion", "Criteria", "From", "ImportRunId", "Kind", "LeadId", "MergedLeadId", "Note", "OccurredAt", "OwnerId", "ReasonCode", "ReasonLabel", "Step", "TenantId", "To", "Trigger")
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
        """;

    public const string UpdateLead =
        """
        UPDATE "Leads" SET "EventSequence" = $1, "ScoredAt" = $2, "StageEnteredAt" = $3, "State" = $4, "UpdatedAt" = $5, "Version" = $6
        WHERE "Id" = $7 AND "Version" = $8
        """;

    public const string InsertEvent =
        """
        INSERT INTO "OutboxEvents" ("Id", "Data", "LeadId", "LeadSequence", "OccurredAt", "Position", "PositionedAt", "TenantId", "Type")
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
        """;

    /// <summary>Entering MQL starts the MQL response clock.</summary>
    public const string InsertClock =
        """
        INSERT INTO "SlaClocks" ("Id", "AgreementVersion", "BreachedAt", "DueAt", "LeadId", "StartedAt", "Status", "StopReason", "StoppedAt", "TenantId", "Term", "TermId", "Version", "WarnAt", "WarnedAt")
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
        """;

    /// <summary>A reject stops it.</summary>
    public const string StopClock =
        """
        UPDATE "SlaClocks" SET "Status" = $1, "StopReason" = $2, "StoppedAt" = $3, "Version" = $4
        WHERE "Id" = $5 AND "Version" = $6
        """;

    /// <summary>The card the live board's publisher pushes after the commit.</summary>
    public const string Cards =
        """
        SELECT l."Id", l."DisplayName", l."Company", l."TotalScore", l."FitScore", l."EngagementScore", l."ScoredAt", l."OwnerId", (
            SELECT u."DisplayName"
            FROM "Users" AS u
            WHERE u."TenantId" = $1 AND u."Id" = l."OwnerId"
            LIMIT 1), l."Source", l."Campaign", l."State", l."StageEnteredAt", l."Version"
        FROM "Leads" AS l
        WHERE l."TenantId" = $1 AND l."Id" = ANY ($2)
        """;

    /// <summary>What the API's tenant interceptor sends on every connection it opens (docs/decisions/0014).</summary>
    public const string SetTenant = "SELECT set_config('l2r.tenant_id', $1, false), set_config('l2r.across_tenants', $2, false)";

    public const string UserNames =
        """
        SELECT u."Id", u."DisplayName"
        FROM "Users" AS u
        WHERE u."TenantId" = $1 AND u."Id" = ANY ($2)
        """;
}
