using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Outbox;
using L2R.Api.Infrastructure.Tenancy;
using L2R.Api.Tests.Infrastructure;
using L2R.Domain.Leads;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace L2R.Api.Tests;

/// <summary>
/// The outbox under <c>kill -9</c>: people keep moving leads (disqualify, reopen, over and over) through an API
/// process that is killed outright at random moments and started again on the same database. Afterwards every move in
/// the history has exactly one <c>lead.stage_changed</c> event saying the same move, in the lead's sequence; no event
/// exists for a move the history lacks; and every move a client was told succeeded is in the history. 400 moves in the
/// test command; <c>L2R_PROOF_LONG=1</c> (<c>scripts/test.sh --long</c>) runs 10,000.
/// </summary>
public abstract class OutboxUnderKillTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly bool Long = Environment.GetEnvironmentVariable("L2R_PROOF_LONG") == "1";
    private static readonly int Moves = Long ? 10_000 : 400;
    private static readonly int MovesBetweenKills = Long ? 200 : 80;
    private const int People = 4;
    private const int LeadsEach = 3;

    private ApiProcess _api = null!;

    protected abstract string Provider { get; }

    protected abstract L2RDbContext Open();

    /// <summary>Configuration keys of the database: the provider, the application's connection and, where it differs, the owner's.</summary>
    protected abstract Dictionary<string, string> DatabaseSettings { get; }

    public async Task InitializeAsync() => _api = await ApiProcess.StartAsync(DatabaseSettings);

    public virtual async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task KillingTheApiMidMove_LeavesExactlyOneEventPerCommittedMove_AndNoneForAMoveThatDidNotCommit()
    {
        using var http = new HttpClient { BaseAddress = _api.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var (tenantId, sales) = await SalesUserAsync(http);
        var people = new List<Person>();
        for (var i = 0; i < People; i++)
        {
            var leads = new List<TrackedLead>();
            for (var j = 0; j < LeadsEach; j++)
            {
                leads.Add(new TrackedLead(await CreateLeadAsync(http, sales)));
            }

            people.Add(new Person(leads));
        }

        var acknowledged = 0;
        var attempts = 0;
        var cutOff = 0;
        var kills = 0;
        var downtime = TimeSpan.Zero;
        using var done = new CancellationTokenSource();
        var killer = Task.Run(async () =>
        {
            var random = new Random(7);
            var nextKill = MovesBetweenKills;
            while (!done.IsCancellationRequested)
            {
                if (Volatile.Read(ref acknowledged) >= nextKill)
                {
                    // A random instant within the next few moves, so kills land before, during and after commits.
                    await Task.Delay(random.Next(0, 40));
                    _api.Kill();
                    kills++;
                    var restarting = Stopwatch.StartNew();
                    await _api.RestartAsync();
                    downtime += restarting.Elapsed;
                    nextKill = Volatile.Read(ref acknowledged) + random.Next(MovesBetweenKills / 2, MovesBetweenKills * 3 / 2);
                }

                await Task.Delay(5);
            }
        });

        await Task.WhenAll(people.Select(person => Task.Run(async () =>
        {
            var random = new Random(person.GetHashCode());
            while (Volatile.Read(ref acknowledged) < Moves)
            {
                var lead = person.Leads[random.Next(person.Leads.Count)];
                Interlocked.Increment(ref attempts);
                try
                {
                    lead.State ??= await StateAsync(http, sales, lead.Id);
                    var (trigger, reason) = lead.State == LeadState.Disqualified ? ("Reopen", "closed-by-mistake") : ("Disqualify", "spam");
                    using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/leads/{lead.Id}/transitions") { Content = JsonContent.Create(new { trigger, reasonCode = reason }) };
                    request.Headers.Authorization = sales;
                    using var response = await http.SendAsync(request);
                    Assert.True(response.StatusCode == HttpStatusCode.OK, $"{trigger} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                    lead.State = Enum.Parse<LeadState>((await response.Content.ReadFromJsonAsync<JsonObject>())!["lead"]!["state"]!.GetValue<string>());
                    lead.Acknowledged++;
                    Interlocked.Increment(ref acknowledged);
                }
                catch (HttpRequestException)
                {
                    // Cut off by a kill: the move may or may not have committed; the lead's state is asked again.
                    lead.State = null;
                    lead.CutOff++;
                    Interlocked.Increment(ref cutOff);
                    await _api.Ready;
                }
            }
        })));
        await done.CancelAsync();
        await killer;

        await using var db = Open();
        var transitions = await db.LeadTransitions.IgnoreQueryFilters().Where(t => t.TenantId == tenantId).ToListAsync();
        var events = await db.OutboxEvents.IgnoreQueryFilters().Where(e => e.TenantId == tenantId && e.LeadId != null).ToListAsync();
        var committed = 0;
        foreach (var lead in people.SelectMany(p => p.Leads))
        {
            var moves = transitions.Where(t => t.LeadId == lead.Id && t.Kind == HistoryEntryKind.Moved).OrderBy(t => t.OccurredAt).ThenBy(t => t.Step).Select(t => $"{t.From}->{t.To} by {t.Trigger}").ToList();
            var said = events.Where(e => e.LeadId == lead.Id && e.Type == EventTypes.LeadStageChanged).OrderBy(e => e.LeadSequence).Select(Said).ToList();
            Assert.Equal(moves, said);
            Assert.Single(events, e => e.LeadId == lead.Id && e.Type == EventTypes.LeadCreated);
            Assert.Equal(Enumerable.Range(1, events.Count(e => e.LeadId == lead.Id)), events.Where(e => e.LeadId == lead.Id).Select(e => e.LeadSequence!.Value).Order());
            var peoplesMoves = transitions.Count(t => t.LeadId == lead.Id && t.Trigger is LeadTrigger.Disqualify or LeadTrigger.Reopen);
            Assert.InRange(peoplesMoves, lead.Acknowledged, lead.Acknowledged + lead.CutOff);
            committed += moves.Count;
        }

        Assert.True(kills > 0, "The API was never killed.");
        ProofFigures.Report(output, $"outbox under kill -9 on {Provider}: {kills} kills ({downtime.TotalSeconds / kills:0.0} s to restart on average), {attempts} move attempts, {acknowledged} acknowledged, {cutOff} cut off, " +
            $"{committed} committed moves with {committed} events; moves without exactly one event: 0, events without a move: 0, acknowledged moves missing: 0");
    }

    private static string Said(OutboxEvent stageChanged)
    {
        var data = JsonNode.Parse(stageChanged.Data)!;
        return $"{data["from"]}->{data["to"]} by {data["trigger"]}";
    }

    private static async Task<(Guid TenantId, AuthenticationHeaderValue Sales)> SalesUserAsync(HttpClient http)
    {
        var adminEmail = $"admin@{Guid.NewGuid():N}.test";
        var signUp = await http.PostAsJsonAsync("/api/tenants", new { tenantName = "Kill -9 Ltd", adminEmail, adminPassword = ApiSession.Password, adminName = "Ada Admin" });
        await ApiSession.Expect(signUp, HttpStatusCode.Created);
        var slug = (await signUp.Content.ReadFromJsonAsync<JsonObject>())!["slug"]!.GetValue<string>();
        var admin = await TokenAsync(http, slug, adminEmail);
        var salesEmail = $"sales-{Guid.NewGuid():N}@example.test";
        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/users") { Content = JsonContent.Create(new { email = salesEmail, displayName = "Sam Sales", password = ApiSession.Password, roles = new[] { "Sales" } }) };
        create.Headers.Authorization = admin;
        await ApiSession.Expect(await http.SendAsync(create), HttpStatusCode.Created);
        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        me.Headers.Authorization = admin;
        var tenantId = Guid.Parse((await (await http.SendAsync(me)).Content.ReadFromJsonAsync<JsonObject>())!["tenantId"]!.GetValue<string>());
        return (tenantId, await TokenAsync(http, slug, salesEmail));
    }

    private static async Task<AuthenticationHeaderValue> TokenAsync(HttpClient http, string tenant, string email)
    {
        var login = await http.PostAsJsonAsync("/api/auth/login", new { tenant, email, password = ApiSession.Password });
        await ApiSession.Expect(login, HttpStatusCode.OK);
        return new AuthenticationHeaderValue("Bearer", (await login.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>());
    }

    private static async Task<Guid> CreateLeadAsync(HttpClient http, AuthenticationHeaderValue sales)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/leads") { Content = JsonContent.Create(ApiSession.GoodFitLead(), options: ApiSession.Json) };
        request.Headers.Authorization = sales;
        using var response = await http.SendAsync(request);
        await ApiSession.Expect(response, HttpStatusCode.Created);
        return Guid.Parse((await response.Content.ReadFromJsonAsync<JsonObject>())!["lead"]!["id"]!.GetValue<string>());
    }

    private static async Task<LeadState> StateAsync(HttpClient http, AuthenticationHeaderValue sales, Guid leadId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/leads/{leadId}");
        request.Headers.Authorization = sales;
        using var response = await http.SendAsync(request);
        await ApiSession.Expect(response, HttpStatusCode.OK);
        return Enum.Parse<LeadState>((await response.Content.ReadFromJsonAsync<JsonObject>())!["state"]!.GetValue<string>());
    }

    private sealed record Person(List<TrackedLead> Leads);

    private sealed class TrackedLead(Guid id)
    {
        public Guid Id { get; } = id;

        /// <summary>The state the last answer gave; null after a cut-off answer, until asked again.</summary>
        public LeadState? State { get; set; }

        public int Acknowledged { get; set; }

        public int CutOff { get; set; }
    }
}

public sealed class SqliteOutboxUnderKillTests(ITestOutputHelper output) : OutboxUnderKillTests(output)
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"l2r-kill-{Guid.NewGuid():N}.db");

    protected override string Provider => "Sqlite";

    protected override Dictionary<string, string> DatabaseSettings => new() { ["Database:Provider"] = Provider, ["ConnectionStrings:L2R"] = ConnectionString };

    private string ConnectionString => $"Data Source={_path}";

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_path)!, Path.GetFileName(_path) + "*"))
        {
            File.Delete(file);
        }
    }

    protected override L2RDbContext Open() =>
        new SqliteL2RDbContext(new DbContextOptionsBuilder<SqliteL2RDbContext>().UseSqlite(ConnectionString).Options, TenantContext.None);
}

public sealed class PostgresOutboxUnderKillTests(ITestOutputHelper output) : OutboxUnderKillTests(output)
{
    private readonly string _database = $"l2r_test_{Guid.NewGuid():N}";

    protected override string Provider => "Postgres";

    /// <summary>As in production and the other PostgreSQL tests: the API as the application's role behind row-level security, migrations as the owner.</summary>
    protected override Dictionary<string, string> DatabaseSettings
    {
        get
        {
            PostgresApiFactory.EnsureAppRole();
            return new()
            {
                ["Database:Provider"] = Provider,
                ["ConnectionStrings:L2R"] = PostgresApiFactory.AppConnectionFor(_database),
                ["ConnectionStrings:L2RMigrations"] = PostgresApiFactory.OwnerConnectionFor(_database),
            };
        }
    }

    /// <summary>The owner's connection: what is really stored, past every wall.</summary>
    protected override L2RDbContext Open() =>
        new PostgresL2RDbContext(new DbContextOptionsBuilder<PostgresL2RDbContext>().UseNpgsql(PostgresApiFactory.OwnerConnectionFor(_database)).Options, TenantContext.None);
}
