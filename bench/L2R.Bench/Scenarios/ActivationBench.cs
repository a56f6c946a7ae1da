using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using L2R.Bench.Infrastructure;
using L2R.Domain.Leads;
using Npgsql;
using NpgsqlTypes;

namespace L2R.Bench.Scenarios;

/// <summary>A tenant seeded for S5 and S6: who signs in, its signed-off draft, and each lead's kind, which says whether activation must move it.</summary>
public sealed record ActivationTenant(TenantInfo Tenant, Session Admin, DraftInfo Draft, IReadOnlyDictionary<Guid, ActivationData.Kind> Kinds, BenchTeams Teams)
{
    public int Leads => Kinds.Count;

    public int Movers => Kinds.Values.Count(ActivationData.Moves);
}

/// <summary>What an activation left: history rows of the new version, the leads they belong to, how many of those were meant to move, and open leads still below the version.</summary>
public sealed record ActivationCheck(int Moves, int MovedLeads, int MovedAsDesigned, int LeftBehind)
{
    public bool IsExactly(int movers) => Moves == movers && MovedLeads == movers && MovedAsDesigned == movers && LeftBehind == 0;

    public override string ToString() => $"{Moves:N0} moves of {MovedLeads:N0} leads, {MovedAsDesigned:N0} of them designed to move, {LeftBehind:N0} open leads left below the version";
}

/// <summary>
/// S5 (activation) and S6 (simulation) over one store. Tenants are signed up through the API and their leads and
/// activities written in bulk (<see cref="ActivationData"/>); the draft goes through the product's own workflow (draft,
/// edit, a Marketing and a Sales sign-off). On PostgreSQL the raw baselines run over Npgsql on a tenant of their own
/// with the same data: the simulation's SELECTs (<see cref="SimulationStatements"/>), and the activation's reads and
/// writes (<see cref="ActivationStatements"/>) in the API's batch size, each batch in its own transaction.
/// </summary>
public sealed class ActivationBench(ApiClient api, LeadStore store, NpgsqlDataSource? raw = null)
{
    /// <summary>RunActivationHandler's batch on a server database; the raw baseline writes in the same batches.</summary>
    public const int PostgresBatch = 5000;

    /// <summary>SimulateDraftHandler's keyset batch; the raw baseline reads in the same batches.</summary>
    public const int SimulationBatch = 5000;

    public LeadStore Store => store;

    /// <summary>A tenant signed up through the API with a Marketing and a Sales user, teams, its leads and activities written in bulk, and the routing draft signed off.</summary>
    public async Task<ActivationTenant> SeedAsync(string name, int leads, CancellationToken ct)
    {
        var tenant = await api.SignUpAsync(name, ct);
        var admin = await api.LoginAsync(tenant.Slug, tenant.AdminEmail, ct);
        var (rows, activities, kinds) = ActivationData.Rows(tenant.TenantId, tenant.AdminUserId, leads, DateTime.UtcNow);
        await store.WriteAsync(rows, ct);
        await store.WriteAsync(activities, ct);
        var marketing = await api.AddUserAsync(admin, tenant.Slug, "Bench Marketing", ["Marketing"], ct);
        var sales = await api.AddUserAsync(admin, tenant.Slug, "Bench Sales", ["Sales"], ct);
        var teams = await BenchRouting.SetUpAsync(api, admin, tenant.Slug, ct);
        var draft = await api.SignedOffDraftAsync(admin, marketing, sales, ActivationData.Draft(teams.Rules), ct);
        return new ActivationTenant(tenant, admin, draft, kinds, teams);
    }

    /// <summary>POST .../simulation, timed from request to the whole answer read.</summary>
    public async Task<(double Ms, JsonObject Simulation)> SimulateViaApiAsync(ActivationTenant tenant, CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        var simulation = await api.SendAsync(HttpMethod.Post, $"/api/agreement/drafts/{tenant.Draft.Id}/simulation", tenant.Admin, null, HttpStatusCode.OK, ct);
        return (Stopwatch.GetElapsedTime(start).TotalMilliseconds, simulation);
    }

    /// <summary>POST .../activate, then the activation polled every 50 ms until it is no longer running: seconds end to end.</summary>
    public async Task<(double Seconds, JsonObject Activation, IReadOnlyList<(double Seconds, int Processed)> Progress)> ActivateViaApiAsync(
        ActivationTenant tenant, CancellationToken ct)
    {
        var (activation, progress) = await api.ActivateAsync(tenant.Admin, tenant.Draft, TimeSpan.FromMilliseconds(50), TimeSpan.FromMinutes(15), ct);
        if (activation["status"]!.GetValue<string>() != "Completed")
        {
            throw new InvalidOperationException($"The activation did not complete: {activation.ToJsonString()}");
        }

        return (progress[^1].Seconds, activation, progress);
    }

    /// <summary>The simulation's SELECTs on one connection, every value of every row read: milliseconds.</summary>
    public async Task<double> SimulateRawAsync(ActivationTenant tenant, CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        var tenantId = tenant.Tenant.TenantId;
        await using var connection = await Raw.OpenConnectionAsync(ct);
        await RawSql.ReadAllAsync(connection, SimulationStatements.Draft, null, ct, tenantId, Guid.Parse(tenant.Draft.Id));
        await RawSql.ReadAllAsync(connection, RawStatements.ActiveAgreement, null, ct, tenantId);
        var idOrdinal = SimulationStatements.LeadOrdinal("Id");
        Guid? after = null;
        while (true)
        {
            var ids = new List<Guid>(SimulationBatch);
            void Collect(object[] values) => ids.Add((Guid)values[idOrdinal]);
            _ = after is { } last
                ? await RawSql.ReadAllAsync(connection, SimulationStatements.NextLeads, Collect, ct, tenantId, last, SimulationBatch)
                : await RawSql.ReadAllAsync(connection, SimulationStatements.FirstLeads, Collect, ct, tenantId, SimulationBatch);
            if (ids.Count == 0)
            {
                break;
            }

            await RawSql.ReadAllAsync(connection, PageStatements.Activities, null, ct, tenantId, ids[0], ids[^1]);
            after = ids[^1];
        }

        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    /// <summary>
    /// Activation's reads and writes, raw: per keyset page of <see cref="PostgresBatch"/> in its own transaction, the
    /// page's leads and their activities, the routing state (<see cref="RoutingStatements"/>), then one Npgsql batch with
    /// an UPDATE per lead (scores, version; stage, owner and team too where it moves), and per move a history INSERT, an
    /// assignment INSERT, two event INSERTs, an SLA clock INSERT and a stage entry INSERT (after a read of the movers'
    /// entries), as EF Core sends them. The decisions are the data's design, not computed (movers go to the general team's members in turn): seconds.
    /// </summary>
    public async Task<double> ActivateRawAsync(ActivationTenant tenant, CancellationToken ct)
    {
        var version = tenant.Draft.Version;
        var criteria = BenchAgreement.SampleCriteriaJson(ActivationData.Draft(), LeadTrigger.Qualify);
        var (team, members, people) = (tenant.Teams.GeneralTeam, tenant.Teams.GeneralMembers, tenant.Teams.People.ToArray());
        var routed = 0;
        var (idOrdinal, versionOrdinal) = (RawStatements.LeadOrdinal("Id"), RawStatements.LeadOrdinal("Version"));
        var tenantId = tenant.Tenant.TenantId;
        var start = Stopwatch.GetTimestamp();
        await using var connection = await Raw.OpenConnectionAsync(ct);
        Guid? after = null;
        while (true)
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            var leads = new List<(Guid Id, int Version)>(PostgresBatch);
            void Collect(object[] v) => leads.Add(((Guid)v[idOrdinal], (int)v[versionOrdinal]));
            _ = after is { } last
                ? await RawSql.ReadAllAsync(connection, ActivationStatements.NextBatch, Collect, ct, tenantId, version, last, PostgresBatch)
                : await RawSql.ReadAllAsync(connection, ActivationStatements.FirstBatch, Collect, ct, tenantId, version, PostgresBatch);
            if (leads.Count == 0)
            {
                await transaction.CommitAsync(ct);
                break;
            }

            after = leads[^1].Id;
            await RawSql.ReadAllAsync(connection, PageStatements.Activities, null, ct, tenantId, leads[0].Id, leads[^1].Id);
            var now = DateTime.UtcNow;
            await RoutingStatements.ReadAsync(connection, tenantId, people, now, ct);
            var movers = leads.Where(l => ActivationData.Moves(tenant.Kinds[l.Id])).Select(l => l.Id).ToArray();
            if (movers.Length > 0)
            {
                await RawSql.ReadAllAsync(connection, RawStatements.StageEntries, null, ct, tenantId, movers);
            }

            await using var batch = new NpgsqlBatch(connection);
            foreach (var (id, leadVersion) in leads)
            {
                var kind = tenant.Kinds[id];
                var (fit, engagement) = ActivationData.Scores(kind);
                if (ActivationData.Moves(kind))
                {
                    var owner = members[routed++ % members.Count];
                    batch.BatchCommands.Add(RawSql.BatchCommand(
                        ActivationStatements.InsertTransition,
                        (Guid.NewGuid(), NpgsqlDbType.Uuid), (null, NpgsqlDbType.Uuid), ("System", NpgsqlDbType.Varchar), (null, NpgsqlDbType.Uuid), (version, NpgsqlDbType.Integer),
                        (criteria, NpgsqlDbType.Text), ("Scored", NpgsqlDbType.Varchar), (null, NpgsqlDbType.Uuid), ("Moved", NpgsqlDbType.Varchar), (id, NpgsqlDbType.Uuid),
                        (null, NpgsqlDbType.Uuid), (null, NpgsqlDbType.Varchar), (now, NpgsqlDbType.TimestampTz), (owner, NpgsqlDbType.Uuid), (null, NpgsqlDbType.Varchar),
                        (null, NpgsqlDbType.Varchar), (0, NpgsqlDbType.Integer), (tenantId, NpgsqlDbType.Uuid), ("MQL", NpgsqlDbType.Varchar), ("Qualify", NpgsqlDbType.Varchar)));
                    batch.BatchCommands.Add(RawSql.BatchCommand(
                        RoutingStatements.InsertAssignment,
                        (Guid.NewGuid(), NpgsqlDbType.Uuid), (version, NpgsqlDbType.Integer), (now.AddDays(5), NpgsqlDbType.TimestampTz), ("Routed", NpgsqlDbType.Varchar),
                        (id, NpgsqlDbType.Uuid), (false, NpgsqlDbType.Boolean), (now, NpgsqlDbType.TimestampTz), (null, NpgsqlDbType.Uuid),
                        ("General: Bench Router 2, least loaded; due Wed 14:50 UTC", NpgsqlDbType.Varchar), (team, NpgsqlDbType.Uuid),
                        (tenantId, NpgsqlDbType.Uuid), (owner, NpgsqlDbType.Uuid)));
                    batch.BatchCommands.Add(RawSql.BatchCommand(
                        ActivationStatements.MoveLead,
                        (version, NpgsqlDbType.Integer), (engagement, NpgsqlDbType.Integer), (2, NpgsqlDbType.Integer), (owner, NpgsqlDbType.Uuid), (now, NpgsqlDbType.TimestampTz),
                        (now, NpgsqlDbType.TimestampTz), ("MQL", NpgsqlDbType.Varchar), (team, NpgsqlDbType.Uuid), (fit + engagement, NpgsqlDbType.Integer),
                        (now, NpgsqlDbType.TimestampTz), (leadVersion + 1, NpgsqlDbType.Integer), (id, NpgsqlDbType.Uuid), (leadVersion, NpgsqlDbType.Integer)));
                    batch.BatchCommands.Add(ActivationStatements.Event(id, 1, "lead.assigned", $$"""{"leadId":"{{id}}","previousOwnerId":null,"ownerId":"{{owner}}"}""", now, tenantId));
                    batch.BatchCommands.Add(ActivationStatements.Event(id, 2, "lead.stage_changed",
                        $$"""{"leadId":"{{id}}","from":"Scored","to":"MQL","trigger":"Qualify","actor":{"kind":"System","userId":null,"clientId":null},"agreementVersion":{{version}},"criteria":{{criteria}},"reasonCode":null,"reasonLabel":null,"note":null}""",
                        now, tenantId));
                    batch.BatchCommands.Add(RawSql.BatchCommand(
                        ActivationStatements.InsertSlaClock,
                        (Guid.NewGuid(), NpgsqlDbType.Uuid), (version, NpgsqlDbType.Integer), (null, NpgsqlDbType.TimestampTz), (now.AddDays(5), NpgsqlDbType.TimestampTz),
                        (id, NpgsqlDbType.Uuid), (now, NpgsqlDbType.TimestampTz), ("Running", NpgsqlDbType.Varchar), (null, NpgsqlDbType.Varchar), (null, NpgsqlDbType.TimestampTz),
                        (tenantId, NpgsqlDbType.Uuid), (ActivationStatements.MqlResponseTerm, NpgsqlDbType.Text), ("mql-response", NpgsqlDbType.Varchar), (1, NpgsqlDbType.Integer),
                        (now.AddDays(4), NpgsqlDbType.TimestampTz), (null, NpgsqlDbType.TimestampTz)));

                    // The bench's leads were copied in without history, so the move's entry is their first: nothing to end.
                    batch.BatchCommands.Add(RawSql.BatchCommand(
                        RawStatements.InsertStageEntry,
                        (Guid.NewGuid(), NpgsqlDbType.Uuid), (version, NpgsqlDbType.Integer), (version, NpgsqlDbType.Integer), (now, NpgsqlDbType.TimestampTz), ("Qualify", NpgsqlDbType.Varchar),
                        (null, NpgsqlDbType.Varchar), (now, NpgsqlDbType.TimestampTz), (id, NpgsqlDbType.Uuid), (null, NpgsqlDbType.TimestampTz),
                        (owner, NpgsqlDbType.Uuid), (null, NpgsqlDbType.TimestampTz), ("MQL", NpgsqlDbType.Varchar), (0, NpgsqlDbType.Integer), (tenantId, NpgsqlDbType.Uuid)));
                }
                else
                {
                    batch.BatchCommands.Add(RawSql.BatchCommand(
                        ActivationStatements.RescoreLead,
                        (version, NpgsqlDbType.Integer), (engagement, NpgsqlDbType.Integer), (0, NpgsqlDbType.Integer), (now, NpgsqlDbType.TimestampTz),
                        (fit + engagement, NpgsqlDbType.Integer), (leadVersion + 1, NpgsqlDbType.Integer), (id, NpgsqlDbType.Uuid), (leadVersion, NpgsqlDbType.Integer)));
                }
            }

            await batch.ExecuteNonQueryAsync(ct);
            if (batch.BatchCommands.Any((NpgsqlBatchCommand c) => c.RecordsAffected != 1))
            {
                throw new InvalidOperationException("A lead changed under the raw activation baseline.");
            }

            await transaction.CommitAsync(ct);
        }

        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    /// <summary>EXPLAIN (ANALYZE, BUFFERS) of the simulation's and the activation's reads for the tenant's second page (PostgreSQL).</summary>
    public async Task<string> ExplainAsync(ActivationTenant tenant, CancellationToken ct)
    {
        var tenantId = tenant.Tenant.TenantId;
        var idOrdinal = RawStatements.LeadOrdinal("Id");
        await using var connection = (NpgsqlConnection)store.Open();
        var first = new List<Guid>();
        await RawSql.ReadAllAsync(connection, SimulationStatements.FirstLeads, v => first.Add((Guid)v[idOrdinal]), ct, tenantId, SimulationBatch);
        var after = first[^1];
        var second = new List<Guid>();
        await RawSql.ReadAllAsync(connection, SimulationStatements.NextLeads, v => second.Add((Guid)v[idOrdinal]), ct, tenantId, after, SimulationBatch);
        var page = second.Count > 0 ? second : first;
        var of = $", tenant with {tenant.Leads:N0} leads";
        return await RawSql.ExplainAsync(connection,
        [
            ($"simulation: the second {SimulationBatch:N0} open leads" + of, SimulationStatements.NextLeads, [tenantId, after, SimulationBatch]),
            ($"simulation: their activities" + of, PageStatements.Activities, [tenantId, page[0], page[^1]]),
            ($"activation: the second page of {PostgresBatch:N0}" + of, ActivationStatements.NextBatch, [tenantId, tenant.Draft.Version, after, PostgresBatch]),
        ], ct);
    }

    /// <summary>Reads what the activation of the tenant's draft left in its history and leads.</summary>
    public async Task<ActivationCheck> CheckAsync(ActivationTenant tenant, CancellationToken ct)
    {
        var version = tenant.Draft.Version;
        await using var connection = store.Open();
        var moved = new List<Guid>();
        await using (var history = Command(connection, """SELECT "LeadId" FROM "LeadTransitions" WHERE "TenantId" = @tenant AND "AgreementVersion" = @version AND "Kind" = 'Moved'"""))
        {
            await using var reader = await history.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                moved.Add(LeadStore.IdOf(reader.GetValue(0)));
            }
        }

        await using var left = Command(connection,
            """SELECT count(*) FROM "Leads" WHERE "TenantId" = @tenant AND "AgreementVersion" < @version AND "State" NOT IN ('Won', 'Lost', 'Disqualified')""");
        var behind = Convert.ToInt32(await left.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        return new ActivationCheck(moved.Count, moved.Distinct().Count(), moved.Count(id => tenant.Kinds.TryGetValue(id, out var kind) && ActivationData.Moves(kind)), behind);

        DbCommand Command(DbConnection c, string sql)
        {
            var command = c.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in new (string, object)[] { ("tenant", store.Key(tenant.Tenant.TenantId)), ("version", version) })
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }

            return command;
        }
    }

    private NpgsqlDataSource Raw => raw ?? throw new InvalidOperationException($"No raw baseline on {store.Name}.");
}

/// <summary>What activation and simulation both send per keyset page: its leads' activities, one range of ids from the page's first to its last.</summary>
public static class PageStatements
{
    public const string Activities =
        """
        SELECT l."LeadId", l."Type", l."OccurredAt", l."Campaign"
        FROM "LeadActivities" AS l
        WHERE l."TenantId" = $1 AND l."LeadId" >= $2 AND l."LeadId" <= $3
        """;
}

/// <summary>
/// The statements activation sends per page that S1's <see cref="RawStatements"/> do not already hold (EF Core 10 +
/// Npgsql, read from PostgreSQL's log): the page of open leads below the new version (the first, then each after the
/// last id committed), a lead's UPDATE after re-scoring, with its stage, owner and team where it moved, and for each move
/// its history row, its two events (assigned, stage changed) and its MQL response clock. Activities are
/// <see cref="PageStatements.Activities"/>, routing's reads and assignments <see cref="RoutingStatements"/>.
/// </summary>
public static class ActivationStatements
{
    public const string FirstBatch = RawStatements.LeadColumns + "\n" +
        """
        WHERE l."TenantId" = $1 AND l."State" NOT IN ('Won', 'Lost', 'Disqualified') AND l."AgreementVersion" < $2
        ORDER BY l."Id"
        LIMIT $3
        """;

    public const string NextBatch = RawStatements.LeadColumns + "\n" +
        """
        WHERE l."TenantId" = $1 AND l."State" NOT IN ('Won', 'Lost', 'Disqualified') AND l."AgreementVersion" < $2 AND l."Id" > $3
        ORDER BY l."Id"
        LIMIT $4
        """;

    /// <summary>A lead that moved to MQL and was routed: its owner and team are set with its stage, and two events numbered.</summary>
    public const string MoveLead =
        """
        UPDATE "Leads" SET "AgreementVersion" = $1, "EngagementScore" = $2, "EventSequence" = $3, "OwnerId" = $4, "ScoredAt" = $5, "StageEnteredAt" = $6, "State" = $7, "TeamId" = $8, "TotalScore" = $9, "UpdatedAt" = $10, "Version" = $11
        WHERE "Id" = $12 AND "Version" = $13
        """;

    public const string RescoreLead =
        """
        UPDATE "Leads" SET "AgreementVersion" = $1, "EngagementScore" = $2, "EventSequence" = $3, "ScoredAt" = $4, "TotalScore" = $5, "Version" = $6
        WHERE "Id" = $7 AND "Version" = $8
        """;

    public const string InsertTransition =
        """
        INSERT INTO "LeadTransitions" ("Id", "ActorClientId", "ActorKind", "ActorUserId", "AgreementVersion", "Criteria", "From", "ImportRunId", "Kind", "LeadId", "MergedLeadId", "Note", "OccurredAt", "OwnerId", "ReasonCode", "ReasonLabel", "Step", "TenantId", "To", "Trigger")
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
        """;

    public const string InsertEvent =
        """
        INSERT INTO "OutboxEvents" ("Id", "Data", "LeadId", "LeadSequence", "OccurredAt", "Position", "PositionedAt", "TenantId", "Type")
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
        """;

    public const string InsertSlaClock =
        """
        INSERT INTO "SlaClocks" ("Id", "AgreementVersion", "BreachedAt", "DueAt", "LeadId", "StartedAt", "Status", "StopReason", "StoppedAt", "TenantId", "Term", "TermId", "Version", "WarnAt", "WarnedAt")
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
        """;

    /// <summary>The default agreement's MQL response term as a clock stores it.</summary>
    public const string MqlResponseTerm =
        """{"id":"mql-response","name":"MQL response","startStage":"MQL","stopTriggers":["Accept","Reject"],"stopTouches":["Call","Meeting","EmailSent"],"targetHours":24,"basis":"BusinessHours","warningPercent":75,"onBreach":{"escalateTo":"TeamLead","role":null,"reassign":false},"pausingStages":[]}""";

    public static NpgsqlBatchCommand Event(Guid leadId, int sequence, string type, string data, DateTime at, Guid tenantId) => RawSql.BatchCommand(
        InsertEvent,
        (Guid.NewGuid(), NpgsqlDbType.Uuid), (data, NpgsqlDbType.Text), (leadId, NpgsqlDbType.Uuid), (sequence, NpgsqlDbType.Integer), (at, NpgsqlDbType.TimestampTz),
        (null, NpgsqlDbType.Bigint), (null, NpgsqlDbType.TimestampTz), (tenantId, NpgsqlDbType.Uuid), (type, NpgsqlDbType.Varchar));
}

/// <summary>
/// The simulation's statements (EF Core 10 + Npgsql, read from PostgreSQL's log; the bench writes a fresh capture to
/// artifacts/bench/s6-simulation-statements.log): the draft, the active version, then open leads by keyset in batches of
/// <see cref="ActivationBench.SimulationBatch"/>, each with its activities (<see cref="PageStatements.Activities"/>).
/// The bench checks at run time, by pg_stat_statements query id, that the API still sends exactly these.
/// </summary>
public static class SimulationStatements
{
    public const string Draft =
        """
        SELECT a."Id", a."ActivatedAt", a."ActivatedBy", a."BasedOnVersion", a."Content", a."CreatedAt", a."CreatedBy", a."Revision", a."Status", a."TenantId", a."UpdatedAt", a."UpdatedBy", a."Version"
        FROM "AgreementVersions" AS a
        WHERE a."TenantId" = $1 AND a."Id" = $2
        LIMIT 1
        """;

    private const string LeadColumns = RawStatements.LeadColumns;

    public const string FirstLeads = LeadColumns + "\n" +
        """
        WHERE l."TenantId" = $1 AND l."State" NOT IN ('Won', 'Lost', 'Disqualified')
        ORDER BY l."Id"
        LIMIT $2
        """;

    public const string NextLeads = LeadColumns + "\n" +
        """
        WHERE l."TenantId" = $1 AND l."State" NOT IN ('Won', 'Lost', 'Disqualified') AND l."Id" > $2
        ORDER BY l."Id"
        LIMIT $3
        """;

    public static int LeadOrdinal(string column) => RawStatements.LeadOrdinal(column);
}

/// <summary>
/// What routing adds to a page of moves (EF Core 10 + Npgsql, as RoutingStates loads them; the bench writes the API's own
/// to artifacts/bench/s5-activation-statements.log): the team state read once per page (calendar, teams, their people, availability,
/// open leads per member in the routing stage, assignments today and over the rotation window), and an assignment per
/// routed lead.
/// </summary>
public static class RoutingStatements
{
    public const string Calendar =
        """
        SELECT c."Id", c."Holidays", c."Hours", c."TenantId", c."TimeZone", c."UpdatedAt", c."UpdatedBy"
        FROM "Calendars" AS c
        WHERE c."TenantId" = $1
        LIMIT 1
        """;

    public const string Teams =
        """
        SELECT t."Id", t."CreatedAt", t."LeadUserId", t."Members", t."Name", t."TenantId", t."UpdatedAt", t."Version"
        FROM "Teams" AS t
        WHERE t."TenantId" = $1
        ORDER BY t."Name"
        """;

    public const string Users =
        """
        SELECT u."Id", u."DisplayName", u."IsActive"
        FROM "Users" AS u
        WHERE u."TenantId" = $1 AND u."Id" = ANY ($2)
        """;

    public const string Availability =
        """
        SELECT a."Id", a."Hours", a."OutOfOffice", a."TenantId", a."UpdatedAt", a."UserId"
        FROM "Availabilities" AS a
        WHERE a."TenantId" = $1 AND a."UserId" = ANY ($2)
        """;

    public const string OpenPerMember =
        """
        SELECT l."OwnerId" AS "User", count(*)::int AS "Count"
        FROM "Leads" AS l
        WHERE l."TenantId" = $1 AND l."State" = $2 AND l."OwnerId" IS NOT NULL AND l."OwnerId" = ANY ($3)
        GROUP BY l."OwnerId"
        """;

    public const string AssignedSince =
        """
        SELECT l."UserId" AS "User", count(*)::int AS "Count"
        FROM "LeadAssignments" AS l
        WHERE l."TenantId" = $1 AND l."UserId" IS NOT NULL AND l."OccurredAt" >= $2
        GROUP BY l."UserId"
        """;

    public const string ReceivedSince =
        """
        SELECT l."TeamId" AS "Team", l."UserId" AS "User", count(*)::int AS "Count"
        FROM "LeadAssignments" AS l
        WHERE l."TenantId" = $1 AND l."UserId" IS NOT NULL AND l."TeamId" IS NOT NULL AND l."OccurredAt" >= $2
        GROUP BY l."TeamId", l."UserId"
        """;

    public const string InsertAssignment =
        """
        INSERT INTO "LeadAssignments" ("Id", "AgreementVersion", "DueAt", "Kind", "LeadId", "MissesSla", "OccurredAt", "PreviousOwnerId", "Reason", "TeamId", "TenantId", "UserId")
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
        """;

    /// <summary>The team state as one page of moves reads it.</summary>
    public static async Task ReadAsync(NpgsqlConnection connection, Guid tenantId, Guid[] people, DateTime now, CancellationToken ct)
    {
        await RawSql.ReadAllAsync(connection, Calendar, null, ct, tenantId);
        await RawSql.ReadAllAsync(connection, Teams, null, ct, tenantId);
        await RawSql.ReadAllAsync(connection, Users, null, ct, tenantId, people);
        await RawSql.ReadAllAsync(connection, Availability, null, ct, tenantId, people);
        await using (var open = new NpgsqlCommand(OpenPerMember, connection))
        {
            open.Parameters.Add(new NpgsqlParameter { Value = tenantId });
            open.Parameters.Add(new NpgsqlParameter { Value = "MQL", NpgsqlDbType = NpgsqlDbType.Varchar });
            open.Parameters.Add(new NpgsqlParameter { Value = people });
            await using var reader = await open.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
            }
        }

        await RawSql.ReadAllAsync(connection, AssignedSince, null, ct, tenantId, now.Date);
        await RawSql.ReadAllAsync(connection, ReceivedSince, null, ct, tenantId, now.AddDays(-30));
    }
}
