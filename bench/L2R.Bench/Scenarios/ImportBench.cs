using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using L2R.Bench.Infrastructure;
using L2R.Domain.Agreements;
using L2R.Domain.Leads;
using Npgsql;

namespace L2R.Bench.Scenarios;

/// <summary>A tenant S8 imports into: who signs in (an Admin may import), and the active agreement's routing.</summary>
public sealed record ImportTenant(TenantInfo Tenant, Session Admin);

/// <summary>One import through the API: seconds of each phase and the run as last read.</summary>
public sealed record ImportTimes(double UploadSeconds, double DryRunSeconds, double ImportSeconds, JsonObject Run)
{
    public double EndToEndSeconds => UploadSeconds + DryRunSeconds + ImportSeconds;
}

/// <summary>
/// S8: a CSV of leads imported through the real API: upload (multipart, streamed), the suggested mapping, the dry run,
/// start, and the import polled to its end. The tenant's active agreement routes (<see cref="BenchRouting"/>) and its
/// Qualify needs only a fit of 30, so about half the rows become MQLs as they are created and are routed. One row in
/// a hundred repeats the email before it (an in-file duplicate) and one in two hundred has a bad email (an error row).
/// </summary>
public sealed class ImportBench(ApiClient api)
{
    /// <summary>The API's batch on a server database (Import:BatchRows); the raw baseline writes in the same batches.</summary>
    public const int PostgresBatch = 1000;

    private const string Header = "First Name,Last Name,Email,Phone,Title,Company,Industry,Country,No. of Employees,Lead Source,Campaign,Lead Status";

    /// <summary>The default agreement with Qualify needing only a fit of 30 (an imported lead has no activity yet), and the routing given.</summary>
    public static LeadAgreement Agreement(RoutingRules routing)
    {
        var agreement = DefaultAgreement.Create();
        return agreement with
        {
            Transitions = agreement.Transitions.Select(rule => rule.Trigger != LeadTrigger.Qualify ? rule : rule with
            {
                Criteria = rule.Criteria.Where(c => c is ScoreAtLeastCriterion { Score: ScoreKind.Fit }).ToList(),
            }).ToList(),
            Routing = routing,
        };
    }

    /// <summary>A tenant signed up through the API, with Marketing and Sales users, teams, and the routing agreement signed off and active.</summary>
    public async Task<ImportTenant> SetUpAsync(string name, CancellationToken ct)
    {
        var tenant = await api.SignUpAsync(name, ct);
        var admin = await api.LoginAsync(tenant.Slug, tenant.AdminEmail, ct);
        var marketing = await api.AddUserAsync(admin, tenant.Slug, "Bench Marketing", ["Marketing"], ct);
        var sales = await api.AddUserAsync(admin, tenant.Slug, "Bench Sales", ["Sales"], ct);
        var routing = await BenchRouting.SetUpAsync(api, admin, tenant.Slug, ct);
        var draft = await api.SignedOffDraftAsync(admin, marketing, sales, Agreement(routing.Rules), ct);
        var (activation, _) = await api.ActivateAsync(admin, draft, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(2), ct);
        if (activation["status"]!.GetValue<string>() != "Completed")
        {
            throw new InvalidOperationException($"The import tenant's agreement did not activate: {activation.ToJsonString()}");
        }

        return new ImportTenant(tenant, admin);
    }

    /// <summary>Row <paramref name="i"/>'s email as the file has it; every hundredth row repeats the one before.</summary>
    public static string EmailOf(string prefix, int i) => i % 100 == 99 ? EmailOf(prefix, i - 1) : $"{prefix}{i}@import{i % 5000}.example";

    public static bool IsBad(int i) => i % 200 == 7;

    /// <summary>The CSV: <paramref name="rows"/> rows after the header, emails starting with <paramref name="prefix"/>.</summary>
    public static byte[] Csv(string prefix, int rows)
    {
        var text = new StringBuilder(rows * 160);
        text.Append(Header).Append("\r\n");
        string[] industries = ["Software", "Healthcare", "Retail", "Manufacturing"];
        string[] sources = ["Webinar", "Website", "Referral", "Trade Show", "Paid Search"];
        int[] sizes = [2500, 400, 60, 15];
        for (var i = 0; i < rows; i++)
        {
            var email = IsBad(i) ? $"not-an-email-{i}" : EmailOf(prefix, i);
            var title = i % 2 == 0 ? "VP Operations" : "Marketing Manager";
            text.Append(CultureInfo.InvariantCulture,
                $"First{i},Last{i % 1000},{email},+1 555 0100,{title},\"Import Co {i % 5000}, Inc.\",{industries[i % industries.Length]},US,{sizes[i / 2 % sizes.Length]},{sources[i % sources.Length]},Campaign {i % 12},Open\r\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Upload (dry run), poll it to its end, start the import, poll that to its end: the seconds of each.</summary>
    public async Task<ImportTimes> ImportAsync(ImportTenant tenant, byte[] csv, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(csv);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(new StringContent("Leads"), "kind");
        form.Add(new StringContent("true"), "dryRun");
        form.Add(new StringContent("Skip"), "duplicatePolicy");
        form.Add(file, "file", "bench-leads.csv");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/imports") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tenant.Admin.AccessToken);
        using var response = await api.Http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"POST /api/imports answered {(int)response.StatusCode}: {text}");
        }

        var id = JsonNode.Parse(text)!["id"]!.GetValue<string>();
        var upload = clock.Elapsed.TotalSeconds;
        var dry = await PollAsync(tenant, id, dryRun: true, ct);
        var dryRun = clock.Elapsed.TotalSeconds - upload;
        if (dry["status"]!.GetValue<string>() != "Completed")
        {
            throw new InvalidOperationException($"The dry run did not complete: {dry.ToJsonString()}");
        }

        var started = clock.Elapsed.TotalSeconds;
        await api.SendAsync(HttpMethod.Post, $"/api/imports/{id}/start", tenant.Admin, null, HttpStatusCode.Accepted, ct);
        var run = await PollAsync(tenant, id, dryRun: false, ct);
        if (run["status"]!.GetValue<string>() != "Completed")
        {
            throw new InvalidOperationException($"The import did not complete: {run.ToJsonString()}");
        }

        return new ImportTimes(upload, dryRun, clock.Elapsed.TotalSeconds - started, run);
    }

    private async Task<JsonObject> PollAsync(ImportTenant tenant, string id, bool dryRun, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var run = await api.SendAsync(HttpMethod.Get, $"/api/imports/{id}", tenant.Admin, null, HttpStatusCode.OK, ct);
            var status = run["status"]!.GetValue<string>();
            if (run["dryRun"]!.GetValue<bool>() == dryRun && status is "Completed" or "Failed" or "Cancelled")
            {
                return run;
            }

            if (deadline.Elapsed > TimeSpan.FromMinutes(20))
            {
                throw new TimeoutException($"The import was still {status} after 20 minutes.");
            }

            await Task.Delay(100, ct);
        }
    }
}

/// <summary>
/// S8's raw baseline on PostgreSQL: what the import wrote for the API's tenant, read back (untimed) and written again
/// in the same tenant (new ids, emails marked) over Npgsql, batch by batch of <see cref="ImportBench.PostgresBatch"/> file rows, each batch in
/// one transaction with the statements the API's batch sends: the run read, the batch's emails looked up, the routing
/// state read (teams, users, availability, open leads and assignments per member), binary COPY of the new leads, their
/// history and their events, the assignments, SLA clocks, notifications and error rows inserted one statement per row
/// in one round trip (as EF Core batches them), the open clocks of the batch's leads read, and the run's progress
/// updated. The decisions are the API's own, read back, not computed: what is measured is the database's share.
/// </summary>
public sealed class RawImport
{
    private readonly Dictionary<string, List<Dictionary<string, object?>>> _tables;
    private readonly Guid _apiTenant;
    private readonly Guid _runId;
    private readonly Dictionary<Guid, int> _batchOfLead;
    private readonly Dictionary<int, List<string>> _emailsOfBatch;
    private readonly List<Guid> _people;

    private RawImport(
        Dictionary<string, List<Dictionary<string, object?>>> tables, Guid apiTenant, Guid runId, Dictionary<Guid, int> batchOfLead,
        Dictionary<int, List<string>> emailsOfBatch, List<Guid> people)
    {
        _tables = tables;
        _apiTenant = apiTenant;
        _runId = runId;
        _batchOfLead = batchOfLead;
        _emailsOfBatch = emailsOfBatch;
        _people = people;
    }

    /// <summary>The tables an import writes per lead, in the order the API writes them.</summary>
    private static readonly string[] Copied = ["Leads", "LeadTransitions", "StageEntries", "OutboxEvents"];

    private static readonly string[] Inserted = ["LeadAssignments", "SlaClocks", "Notifications"];

    public int Leads => _tables["Leads"].Count;

    public int Batches => _emailsOfBatch.Count;

    /// <summary>Reads what the API's import of the file whose emails start with <paramref name="prefix"/> wrote, and which file batch each lead came in.</summary>
    public static async Task<RawImport> ReadAsync(ThrowawayPostgres postgres, Guid tenantId, Guid runId, string prefix, int rows, CancellationToken ct)
    {
        await using var connection = postgres.OpenAdmin();
        var tables = new Dictionary<string, List<Dictionary<string, object?>>>();
        var pattern = prefix + "%";
        tables["Leads"] = await ReadTableAsync(connection, """SELECT * FROM "Leads" WHERE "TenantId" = $1 AND "NormalizedEmail" LIKE $2""", ct, tenantId, pattern);
        var leadIds = tables["Leads"].Select(l => (Guid)l["Id"]!).ToArray();
        foreach (var table in Copied.Skip(1).Concat(Inserted))
        {
            tables[table] = await ReadTableAsync(connection, $"""SELECT * FROM "{table}" WHERE "TenantId" = $1 AND "LeadId" = ANY ($2)""", ct, tenantId, leadIds);
        }

        tables["ImportRowErrors"] = await ReadTableAsync(connection, "SELECT * FROM \"ImportRowErrors\" WHERE \"ImportRunId\" = $1", ct, runId);
        var batchOfEmail = new Dictionary<string, int>(StringComparer.Ordinal);
        var emailsOfBatch = new Dictionary<int, List<string>>();
        for (var i = 0; i < rows; i++)
        {
            var batch = i / ImportBench.PostgresBatch;
            if (!emailsOfBatch.TryGetValue(batch, out var emails))
            {
                emailsOfBatch[batch] = emails = [];
            }

            if (!ImportBench.IsBad(i))
            {
                var email = ImportBench.EmailOf(prefix, i);
                batchOfEmail.TryAdd(email, batch);
                emails.Add(email);
            }
        }

        var batchOfLead = tables["Leads"].ToDictionary(l => (Guid)l["Id"]!, l => batchOfEmail[(string)l["NormalizedEmail"]!]);
        var people = (await ReadTableAsync(connection, "SELECT \"Id\" FROM \"Users\" WHERE \"TenantId\" = $1", ct, tenantId)).Select(u => (Guid)u["Id"]!).ToList();
        return new RawImport(tables, tenantId, runId, batchOfLead, emailsOfBatch, people);
    }

    /// <summary>The new leads alone, in one binary COPY (new ids, emails marked <c>copy-</c>): the physical limit of writing them.</summary>
    public async Task<double> CopyLeadsAsync(ThrowawayPostgres postgres, CancellationToken ct)
    {
        var rows = Remap("Leads", _tables["Leads"], "copy-", new Dictionary<Guid, Guid>());
        await using var connection = await NpgsqlDataSource.Create(postgres.ConnectionString(ThrowawayPostgres.RawRole, "l2r-bench-raw")).OpenConnectionAsync(ct);
        var start = Stopwatch.GetTimestamp();
        await rows.CopyAsync(connection, ct);
        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    /// <summary>
    /// Writes everything again in the same tenant (its keys to users, teams and the run are the tenant's own), with new
    /// ids and the emails marked <c>raw-</c>, batch by batch as the API did: seconds.
    /// </summary>
    public async Task<double> WriteAsync(NpgsqlDataSource raw, CancellationToken ct)
    {
        const string mark = "raw-";
        var tenantId = _apiTenant;
        var ids = new Dictionary<Guid, Guid>();
        foreach (var lead in _tables["Leads"])
        {
            ids[(Guid)lead["Id"]!] = Guid.NewGuid();
        }

        var byBatch = new Dictionary<(string Table, int Batch), List<Dictionary<string, object?>>>();
        foreach (var (table, rows) in _tables)
        {
            foreach (var row in rows)
            {
                var batch = row.TryGetValue("LeadId", out var lead) && lead is Guid leadId ? _batchOfLead.GetValueOrDefault(leadId)
                    : row.TryGetValue("Line", out var line) ? (int)((Convert.ToInt64(line, CultureInfo.InvariantCulture) - 2) / ImportBench.PostgresBatch)
                    : _batchOfLead.GetValueOrDefault((Guid)row["Id"]!);
                var key = (table, batch);
                if (!byBatch.TryGetValue(key, out var list))
                {
                    byBatch[key] = list = [];
                }

                list.Add(row);
            }
        }

        List<Dictionary<string, object?>> Of(string table, int batch) => byBatch.GetValueOrDefault((table, batch)) ?? [];
        var people = _people.ToArray();
        var start = Stopwatch.GetTimestamp();
        await using var connection = await raw.OpenConnectionAsync(ct);
        foreach (var (batch, emails) in _emailsOfBatch.OrderBy(b => b.Key))
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await RawSql.ReadAllAsync(connection, ImportStatements.Run, null, ct, _runId);
            await RawSql.ReadAllAsync(connection, ImportStatements.LeadsByEmail, null, ct, tenantId, emails.Distinct().Select(e => mark + e).ToArray());
            await RoutingStatements.ReadAsync(connection, _apiTenant, people, DateTime.UtcNow, ct);
            foreach (var table in Copied)
            {
                var rows = Of(table, batch);
                if (table == "StageEntries")
                {
                    await RawSql.ReadAllAsync(connection, RawStatements.StageEntries, null, ct, tenantId, Of("Leads", batch).Select(l => ids[(Guid)l["Id"]!]).ToArray());
                }

                if (rows.Count > 0)
                {
                    await Remap(table, rows, mark, ids).CopyAsync(connection, ct);
                }
            }

            var leads = Of("Leads", batch).Select(l => ids[(Guid)l["Id"]!]).ToArray();
            await RawSql.ReadAllAsync(connection, ImportStatements.OpenClocks, null, ct, tenantId, leads);
            await using (var inserts = new NpgsqlBatch(connection))
            {
                foreach (var table in Inserted.Append("ImportRowErrors"))
                {
                    foreach (var row in Of(table, batch))
                    {
                        inserts.BatchCommands.Add(Insert(table, Remapped(row, table, mark, ids)));
                    }
                }

                inserts.BatchCommands.Add(RawSql.BatchCommand(ImportStatements.Progress, (DateTime.UtcNow, NpgsqlTypes.NpgsqlDbType.TimestampTz), (_runId, NpgsqlTypes.NpgsqlDbType.Uuid)));
                await inserts.ExecuteNonQueryAsync(ct);
            }

            await transaction.CommitAsync(ct);
        }

        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    private static NpgsqlBatchCommand Insert(string table, Dictionary<string, object?> row)
    {
        var columns = row.Keys.ToList();
        var command = new NpgsqlBatchCommand(
            $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"${i + 1}"))})");
        foreach (var column in columns)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = row[column] ?? DBNull.Value });
        }

        return command;
    }

    /// <summary>A row written again: new ids for what it creates, the leads' new ids where it names one, emails marked.</summary>
    private static Dictionary<string, object?> Remapped(Dictionary<string, object?> row, string table, string mark, Dictionary<Guid, Guid> ids)
    {
        var copy = new Dictionary<string, object?>(row);
        foreach (var (column, value) in row)
        {
            copy[column] = (column, value) switch
            {
                ("Email" or "NormalizedEmail", string email) => mark + email,
                ("Id", Guid id) when table == "Leads" => ids[id],
                ("Id", Guid) => Guid.NewGuid(),
                ("Id", long) => null,
                ("LeadId", Guid lead) => ids.GetValueOrDefault(lead, lead),
                ("Position" or "PositionedAt" or "ClockId", _) => null,
                _ => value,
            };
        }

        if (copy.TryGetValue("Id", out var key) && key is null)
        {
            copy.Remove("Id");
        }

        return copy;
    }

    private static BulkRows Remap(string table, List<Dictionary<string, object?>> rows, string mark, Dictionary<Guid, Guid> ids)
    {
        if (table == "Leads")
        {
            foreach (var row in rows)
            {
                ids.TryAdd((Guid)row["Id"]!, Guid.NewGuid());
            }
        }

        var remapped = rows.Select(r => Remapped(r, table, mark, ids)).ToList();
        return new BulkRows(table, remapped.FirstOrDefault()?.Keys.ToHashSet() ?? [], remapped.Count, i => column => remapped[i].GetValueOrDefault(column));
    }

    private static async Task<List<Dictionary<string, object?>>> ReadTableAsync(NpgsqlConnection connection, string sql, CancellationToken ct, params object[] parameters)
    {
        var rows = new List<Dictionary<string, object?>>();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var row = new Dictionary<string, object?>();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }
}

/// <summary>
/// The reads an import batch sends besides its writes, written as EF Core shapes them (the bench writes the API's own
/// to artifacts/bench/s8-import-statements.log to compare): the run, the batch's emails, the open clocks; the routing
/// state is <see cref="RoutingStatements"/>.
/// </summary>
public static class ImportStatements
{
    public const string Run = """SELECT * FROM "ImportRuns" AS i WHERE i."Id" = $1 LIMIT 2""";

    public const string LeadsByEmail = RawStatements.LeadColumns + "\n" +
        """
        WHERE l."TenantId" = $1 AND l."NormalizedEmail" IS NOT NULL AND l."NormalizedEmail" = ANY ($2)
        """;

    public const string OpenClocks =
        """
        SELECT * FROM "SlaClocks" AS s
        WHERE s."TenantId" = $1 AND s."StoppedAt" IS NULL AND s."LeadId" = ANY ($2)
        """;

    public const string Progress = """UPDATE "ImportRuns" SET "HeartbeatAt" = $1 WHERE "Id" = $2""";

}
