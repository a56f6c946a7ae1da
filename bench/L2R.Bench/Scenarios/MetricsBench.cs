using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using L2R.Bench.Infrastructure;
using L2R.Domain.Leads;
using L2R.Domain.Metrics;
using Npgsql;

namespace L2R.Bench.Scenarios;

/// <summary>One waterfall request as S7 asks it: its query string and what the table calls it.</summary>
public sealed record WaterfallAsk(string Name, string Query);

/// <summary>
/// S7 (the metrics waterfall) and S9 (the leads export) over one tenant: signed up through the API with three Sales
/// users as owners, then its leads and their whole history copied in bulk (binary COPY), shaped like a real funnel
/// over the last 200 days: most leads stop at Scored, some are rejected to Nurture and some of those come back, some
/// reach Opportunity and are won or lost; history before 90 days ago was judged by agreement version 1, later by 2.
/// Each lead has a creation entry (Raw) and the automatic Score move after it, as the mover writes them. The raw
/// baselines send the statements the API sent for the same request, captured from PostgreSQL's log
/// (<see cref="CapturedStatements"/>), since the ledger's SQL is generated per request.
/// </summary>
public sealed class MetricsBench : IAsyncDisposable
{
    /// <summary>Each path after creation, with its share of leads in percent: the moves a lead makes, in order.</summary>
    private static readonly (int Percent, (LeadTrigger Trigger, LeadState To)[] Moves)[] Paths =
    [
        (30, [(LeadTrigger.Score, LeadState.Scored)]),
        (10, [(LeadTrigger.Score, LeadState.Scored), (LeadTrigger.Disqualify, LeadState.Disqualified)]),
        (18, [(LeadTrigger.Score, LeadState.Scored), (LeadTrigger.Qualify, LeadState.MQL), (LeadTrigger.Reject, LeadState.Nurture)]),
        (12,
        [
            (LeadTrigger.Score, LeadState.Scored), (LeadTrigger.Qualify, LeadState.MQL), (LeadTrigger.Reject, LeadState.Nurture),
            (LeadTrigger.Reengage, LeadState.Scored), (LeadTrigger.Qualify, LeadState.MQL), (LeadTrigger.Accept, LeadState.SalesAccepted),
        ]),
        (10, [(LeadTrigger.Score, LeadState.Scored), (LeadTrigger.Qualify, LeadState.MQL), (LeadTrigger.Accept, LeadState.SalesAccepted), (LeadTrigger.QualifyForSales, LeadState.SQL)]),
        (8,
        [
            (LeadTrigger.Score, LeadState.Scored), (LeadTrigger.Qualify, LeadState.MQL), (LeadTrigger.Accept, LeadState.SalesAccepted),
            (LeadTrigger.QualifyForSales, LeadState.SQL), (LeadTrigger.Convert, LeadState.Opportunity), (LeadTrigger.Win, LeadState.Won),
        ]),
        (7,
        [
            (LeadTrigger.Score, LeadState.Scored), (LeadTrigger.Qualify, LeadState.MQL), (LeadTrigger.Accept, LeadState.SalesAccepted),
            (LeadTrigger.QualifyForSales, LeadState.SQL), (LeadTrigger.Convert, LeadState.Opportunity), (LeadTrigger.Lose, LeadState.Lost),
        ]),
        (5, [(LeadTrigger.Score, LeadState.Scored), (LeadTrigger.Qualify, LeadState.MQL), (LeadTrigger.Accept, LeadState.SalesAccepted), (LeadTrigger.Recycle, LeadState.Nurture)]),
    ];

    private static readonly IReadOnlySet<string> LeadColumns = new HashSet<string>(BenchLeads.Columns) { "Amount" };

    private static readonly IReadOnlySet<string> TransitionColumns = new HashSet<string>
    {
        "Id", "TenantId", "LeadId", "Kind", "From", "To", "Trigger", "ActorKind", "ActorUserId", "OwnerId", "OccurredAt", "Step",
        "AgreementVersion", "ReasonCode", "ReasonLabel", "Criteria",
    };

    private static readonly IReadOnlySet<string> EntryColumns = new HashSet<string>
    {
        "Id", "TenantId", "LeadId", "Stage", "EnteredAt", "Step", "EnteredBy", "OwnerId", "AgreementVersion", "LeadCreatedAt",
        "PreviousVisitAt", "CohortVersion", "LeftAt", "ExitTrigger",
    };

    private const int HistoryDays = 200;
    private const int SecondVersionDaysAgo = 90;

    private readonly ApiClient _api;
    private readonly NpgsqlDataSource _raw;

    private MetricsBench(ApiClient api, NpgsqlDataSource raw, TenantInfo tenant, Session admin, int leads, int transitions, DateTime now)
    {
        _api = api;
        _raw = raw;
        Tenant = tenant;
        Admin = admin;
        Leads = leads;
        Transitions = transitions;
        Now = now;
    }

    public TenantInfo Tenant { get; }

    public Session Admin { get; }

    public int Leads { get; }

    public int Transitions { get; }

    public DateTime Now { get; }

    /// <summary>The waterfall requests S7 times: about six months in cohort and in period mode, and cohort grouped by source.</summary>
    public IReadOnlyList<WaterfallAsk> Asks
    {
        get
        {
            var (from, to) = (Now.AddDays(-182).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Now.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            return
            [
                new("cohort", $"from={from}&to={to}&mode=Cohort"),
                new("period", $"from={from}&to={to}&mode=Period"),
                new("cohort by source", $"from={from}&to={to}&mode=Cohort&groupBy=Source"),
            ];
        }
    }

    public static async Task<MetricsBench> SetUpAsync(ApiClient api, ThrowawayPostgres postgres, int size, TextWriter log, CancellationToken ct)
    {
        var tenant = await api.SignUpAsync("Bench Metrics", ct);
        var admin = await api.LoginAsync(tenant.Slug, tenant.AdminEmail, ct);
        var owners = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            owners.Add((await api.AddUserAsync(admin, tenant.Slug, $"Bench Rep {i + 1}", ["Sales"], ct)).UserId);
        }

        var started = Stopwatch.StartNew();
        var now = DateTime.UtcNow;
        var (leads, history, entries) = Rows(tenant.TenantId, owners, size, now);
        await using (var connection = postgres.OpenAdmin())
        {
            await leads.CopyAsync(connection, ct);
            await history.CopyAsync(connection, ct);
            await entries.CopyAsync(connection, ct);
            await using var analyze = new NpgsqlCommand("""VACUUM ANALYZE "Leads", "LeadTransitions", "StageEntries", "Users" """, connection);
            await analyze.ExecuteNonQueryAsync(ct);
        }

        log.WriteLine($"  S7/S9 tenant '{tenant.Slug}': {size:N0} leads and {history.Count:N0} history rows copied in {started.Elapsed.TotalSeconds:0.0} s");
        var raw = NpgsqlDataSource.Create(postgres.ConnectionString(ThrowawayPostgres.RawRole, "l2r-bench-raw"));
        return new MetricsBench(api, raw, tenant, admin, size, history.Count, now);
    }

    /// <summary>GET /api/metrics/waterfall, the whole answer read.</summary>
    public Task GetWaterfallAsync(WaterfallAsk ask, CancellationToken ct) => GetAsync($"/api/metrics/waterfall?{ask.Query}", null, ct);

    /// <summary>GET /api/leads/export to its last byte: the bytes read.</summary>
    public async Task<long> ExportAsync(CancellationToken ct)
    {
        long bytes = 0;
        await GetAsync("/api/leads/export", async stream =>
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(buffer, ct)) > 0)
            {
                bytes += read;
            }
        }, ct);
        return bytes;
    }

    /// <summary>The captured statements sent again on one pooled connection, every value of every row read.</summary>
    public async Task ReplayAsync(IReadOnlyList<CapturedStatement> statements, CancellationToken ct)
    {
        await using var connection = await _raw.OpenConnectionAsync(ct);
        await CapturedStatements.ReplayAsync(connection, statements, null, ct);
    }

    /// <summary>The export's statements sent again, each row of the last one written as a CSV line (quoted as needed): the bytes written.</summary>
    public async Task<long> ExportRawAsync(IReadOnlyList<CapturedStatement> statements, CancellationToken ct)
    {
        await using var connection = await _raw.OpenConnectionAsync(ct);
        await CapturedStatements.ReplayAsync(connection, statements.Take(statements.Count - 1).ToList(), null, ct);
        var counter = new CountingStream();
        await using (var csv = new StreamWriter(counter, new UTF8Encoding(false), 65536))
        {
            var line = new StringBuilder();
            await CapturedStatements.ReplayAsync(connection, [statements[^1]], values =>
            {
                line.Clear();
                for (var i = 0; i < values.Length; i++)
                {
                    if (i > 0)
                    {
                        line.Append(',');
                    }

                    line.Append(Cell(values[i]));
                }

                csv.WriteLine(line);
            }, ct);
        }

        return counter.Length;
    }

    public async Task<string> ExplainAsync(IReadOnlyList<(string Title, CapturedStatement Statement)> statements, CancellationToken ct)
    {
        await using var connection = await _raw.OpenConnectionAsync(ct);
        var text = new StringBuilder();
        foreach (var (title, statement) in statements)
        {
            text.AppendLine($"-- {title}");
            await CapturedStatements.ReplayAsync(connection, [statement with { Sql = "EXPLAIN (ANALYZE, BUFFERS) " + statement.Sql }], row => text.AppendLine((string)row[0]), ct);
            text.AppendLine();
        }

        return text.ToString();
    }

    public ValueTask DisposeAsync() => _raw.DisposeAsync();

    private async Task GetAsync(string path, Func<Stream, Task>? read, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Admin.AccessToken);
        using var response = await _api.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        if (read is not null)
        {
            await read(stream);
        }
        else
        {
            await stream.CopyToAsync(Stream.Null, ct);
        }
    }

    private static string Cell(object value) => value switch
    {
        DBNull => "",
        DateTime at => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        string s when s.AsSpan().IndexOfAny(",\"\r\n") >= 0 => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"",
        _ => value.ToString() ?? "",
    };

    /// <summary>
    /// The tenant's leads and history, and the stage entries the API keeps with history (worked out by the domain's
    /// <see cref="StageEntries.Derive"/>, as the API's save does), for the metrics to count.
    /// </summary>
    private static (BulkRows Leads, BulkRows History, BulkRows Entries) Rows(Guid tenantId, IReadOnlyList<Guid> owners, int size, DateTime now)
    {
        var random = new Random(size);
        var paths = Paths.SelectMany(p => Enumerable.Repeat(p.Moves, p.Percent)).ToArray();
        var secondVersionFrom = now.AddDays(-SecondVersionDaysAgo);
        var industries = new[] { "Software", "Healthcare", "Retail", "Manufacturing", "Education", "Financial Services" };
        var leads = new List<(Guid Id, LeadState State, Guid? Owner, DateTime Created, DateTime Entered, DateTime Updated)>(size);
        var history = new List<Func<string, object?>>(size * 5);
        var entries = new List<StageEntry>(size * 5);
        for (var i = 0; i < size; i++)
        {
            var id = Guid.NewGuid();
            var created = now.AddMinutes(-random.Next(60, HistoryDays * 24 * 60));
            var owner = owners[i % owners.Count];
            var at = created;
            var state = LeadState.Raw;
            Guid? ownedBy = null;
            history.Add(Entry(id, HistoryEntryKind.Created, null, LeadState.Raw, null, null, at, 0));
            var path = paths[random.Next(paths.Length)];
            foreach (var (trigger, to) in path)
            {
                // Score follows creation in the same command; a person's move comes hours to days later.
                var next = trigger == LeadTrigger.Score ? at : at.AddHours(2 + random.NextDouble() * 24 * 12);
                if (next >= now)
                {
                    break;
                }

                var step = trigger == LeadTrigger.Score ? 1 : 0;
                ownedBy = to is LeadState.MQL or LeadState.SalesAccepted or LeadState.SQL or LeadState.Opportunity or LeadState.Won or LeadState.Lost ? owner : ownedBy;
                var actor = trigger is LeadTrigger.Score or LeadTrigger.Qualify ? null : ownedBy;
                history.Add(Entry(id, HistoryEntryKind.Moved, state, to, trigger, actor, next, step, ownedBy));
                (state, at) = (to, next);
            }

            leads.Add((id, state, ownedBy, created, at, at));
        }

        var leadRows = new BulkRows("Leads", LeadColumns, size, i =>
        {
            var lead = leads[i];
            var fit = 20 + (i % 50);
            var engagement = i % 40;
            return column => column switch
            {
                "Id" => lead.Id,
                "State" => lead.State.ToString(),
                "Version" => 1,
                "Title" => i % 3 == 0 ? "VP Operations" : "Manager",
                "Company" => $"Company {i % 5000}",
                "Industry" => industries[i % industries.Length],
                "CompanySize" => 10 + (i % 5000),
                "OwnerId" => lead.Owner,
                "Budget" or "Authority" or "Need" or "Timeline" => lead.State is LeadState.SQL or LeadState.Opportunity or LeadState.Won or LeadState.Lost,
                "FitScore" => fit,
                "EngagementScore" => engagement,
                "TotalScore" => fit + engagement,
                "Amount" => lead.State is LeadState.Opportunity or LeadState.Won or LeadState.Lost ? 5_000m + (i % 20) * 2_500m : null,
                "AgreementVersion" => 1,
                "CreatedAt" => lead.Created,
                "UpdatedAt" or "ScoredAt" => lead.Updated,
                "StageEnteredAt" => lead.Entered,
                _ => BenchLeads.Common(i, tenantId, column),
            };
        });
        foreach (var lead in entries.GroupBy(e => e.LeadId))
        {
            StageEntries.Derive(lead.ToList());
        }

        var entryRows = new BulkRows("StageEntries", EntryColumns, entries.Count, i =>
        {
            var entry = entries[i];
            return column => column switch
            {
                "Id" => entry.Id,
                "TenantId" => entry.TenantId,
                "LeadId" => entry.LeadId,
                "Stage" => entry.Stage.ToString(),
                "EnteredAt" => entry.EnteredAt,
                "Step" => entry.Step,
                "EnteredBy" => entry.EnteredBy?.ToString(),
                "OwnerId" => entry.OwnerId,
                "AgreementVersion" => entry.AgreementVersion,
                "LeadCreatedAt" => entry.LeadCreatedAt,
                "PreviousVisitAt" => entry.PreviousVisitAt,
                "CohortVersion" => entry.CohortVersion,
                "LeftAt" => entry.LeftAt,
                "ExitTrigger" => entry.ExitTrigger?.ToString(),
                _ => null,
            };
        });
        return (leadRows, new BulkRows("LeadTransitions", TransitionColumns, history.Count, i => history[i]), entryRows);

        Func<string, object?> Entry(Guid leadId, HistoryEntryKind kind, LeadState? from, LeadState to, LeadTrigger? trigger, Guid? actor, DateTime at, int step, Guid? owner = null)
        {
            var reason = trigger switch
            {
                LeadTrigger.Reject => "not-ready",
                LeadTrigger.Disqualify => "not-a-fit",
                LeadTrigger.Lose => "price",
                LeadTrigger.Recycle => "timing",
                _ => null,
            };
            var id = Guid.NewGuid();
            var version = at >= secondVersionFrom ? 2 : 1;
            entries.Add(StageEntry.Of(new LeadTransition
            {
                Id = id, TenantId = tenantId, LeadId = leadId, To = to, Trigger = trigger, OwnerId = owner, OccurredAt = at, Step = step, AgreementVersion = version,
            }));
            return column => column switch
            {
                "Id" => id,
                "TenantId" => tenantId,
                "LeadId" => leadId,
                "Kind" => kind.ToString(),
                "From" => from?.ToString(),
                "To" => to.ToString(),
                "Trigger" => trigger?.ToString(),
                "ActorKind" => actor is null ? "System" : "User",
                "ActorUserId" => actor,
                "OwnerId" => owner,
                "OccurredAt" => at,
                "Step" => step,
                "AgreementVersion" => version,
                "ReasonCode" => reason,
                "ReasonLabel" => reason,
                "Criteria" => "[]",
                _ => null,
            };
        }
    }

    /// <summary>Counts what is written to it, as a client reading the export counts bytes.</summary>
    private sealed class CountingStream : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Position;
        public override long Position { get; set; }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Position += count;
    }
}
