using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Outbox;
using L2R.Api.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace L2R.Api.Tests.Infrastructure;

/// <summary>
/// A tenant with one of everything that has an id (leads, an activity, drafts, an activation, users, an API client
/// with a secret, a notification, an import, tags, a review with a note and an action, a team, a webhook with a
/// delivery), for the proof suites that call every operation of the API; and every row it owns, read around the EF
/// tenant filter, to prove a call changed nothing.
/// </summary>
public sealed record TenantWorld(Team Team, WorldIds Ids)
{
    public Guid TenantId => Team.Admin.TenantId;

    public static async Task<TenantWorld> CreateAsync(L2RApiFactory factory, WebhookReceiver receiver)
    {
        var team = await Team.CreateAsync(factory);
        var admin = team.Admin;
        var activation = await team.ActivateAsync((await admin.CreateDraftAsync())["id"]!.GetValue<string>());
        var lead = await admin.CreateMqlLeadAsync();
        var otherLead = await admin.CreateMqlLeadAsync();
        var activity = IdOf((await admin.RecordActivityAsync(lead, "Meeting"))["activity"]);
        var draft = IdOf(await admin.CreateDraftAsync());
        var sales = IdOf(await team.Sales.GetJsonAsync("/api/me"));
        var client = await ApiClientSession.CreateAsync(factory, admin, "Proof", "leads:read");
        var secret = IdOf((await admin.GetJsonAsync($"/api/clients/{client.Id}"))["secrets"]![0]);
        var import = IdOf(await ReadAsync(await Imports.PostAsync(admin, "Email,Last Name\nnia@globex.example,Nakamura\n", new { dryRun = true }), HttpStatusCode.Accepted));
        await Imports.WaitAsync(admin, import);
        var tag = await TagAsync(admin, "Pipedrive");
        var otherTag = await TagAsync(admin, "Close");
        var (review, note, action) = await ReviewAsync(admin, sales);
        var routingTeam = IdOf(await ReadAsync(await admin.Http.PostAsJsonAsync("/api/teams", TeamBody("Inbound", sales)), HttpStatusCode.Created));
        var webhook = IdOf((await ReadAsync(await admin.Http.PostAsJsonAsync("/api/webhooks", new { url = receiver.Url, eventTypes = new[] { "lead.stage_changed" } }), HttpStatusCode.Created))["webhook"]);
        await ApiSession.Expect(await admin.Http.PostAsync($"/api/webhooks/{webhook}/test", null), HttpStatusCode.Accepted);
        await factory.Services.GetRequiredService<OutboxRelay>().RunOnceAsync(CancellationToken.None);
        var delivery = IdOf((await admin.GetJsonAsync($"/api/webhooks/{webhook}/deliveries"))[0]);
        var notification = await NotificationAsync(factory, admin.TenantId, sales, lead);

        return new TenantWorld(team, new WorldIds(
            lead, otherLead, activity, draft, IdOf(activation), sales, client.Id, secret, notification, import, tag, otherTag, review, note, action, routingTeam, webhook, delivery));
    }

    /// <summary>
    /// Every column of every row of the tenant's tables (every entity with a tenant id), read around the EF tenant
    /// filter, in a stable order. The board counters are left out: the fold job rewrites them every few seconds,
    /// whatever a request did, and every change they count is a lead's change, which is compared.
    /// </summary>
    public static async Task<List<string>> RowsAsync(L2RApiFactory factory, Guid tenantId)
    {
        await using var scope = factory.Services.GetRequiredService<ITenantScopes>().Open(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<L2RDbContext>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var rows = new List<string>();
        Type[] folded = [typeof(BoardCountChange), typeof(BoardCounter)];
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned() && e.BaseType is null && e.FindProperty("TenantId") is not null && !folded.Contains(e.ClrType)))
        {
            var tenantColumn = entity.FindProperty("TenantId")!.GetColumnName();
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {(entity.GetSchema() is { } schema ? $"\"{schema}\"." : "")}\"{entity.GetTableName()}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var tenantOrdinal = reader.GetOrdinal(tenantColumn);
            while (await reader.ReadAsync())
            {
                if (Guid.TryParse(Convert.ToString(reader.GetValue(tenantOrdinal)), out var owner) && owner == tenantId)
                {
                    var row = new StringBuilder(entity.GetTableName());
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        row.Append('|').Append(reader.IsDBNull(i) ? "null" : reader.GetValue(i) is byte[] bytes ? Convert.ToBase64String(bytes) : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture));
                    }

                    rows.Add(row.ToString());
                }
            }
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    public static async Task<(Guid Review, Guid Note, Guid Action)> ReviewAsync(ApiSession admin, Guid participant)
    {
        await ApiSession.Expect(await admin.Http.PutAsJsonAsync("/api/reviews/cadence", Cadence(participant)), HttpStatusCode.OK);
        var review = IdOf((await admin.GetJsonAsync("/api/reviews"))[0]);
        var note = IdOf(await ReadAsync(await admin.Http.PostAsJsonAsync($"/api/reviews/{review}/agenda", new { text = "Webinar leads" }), HttpStatusCode.Created));
        var action = IdOf(await ReadAsync(await admin.Http.PostAsJsonAsync($"/api/reviews/{review}/actions", ReviewAction(participant)), HttpStatusCode.Created));
        return (review, note, action);
    }

    public static async Task<Guid> TagAsync(ApiSession session, string label) =>
        IdOf(await ReadAsync(await session.Http.PostAsJsonAsync("/api/intel/tags", new { kind = "Competitor", label }), HttpStatusCode.Created));

    public static object ReviewAction(Guid owner) => new { title = "Call the webinar leads", ownerId = owner, dueDate = "2030-01-15" };

    public static object TeamBody(string name, Guid member) => new { name, members = new[] { new { userId = member, weight = 1 } } };

    public static object Cadence(Guid participant) => new
    {
        weekday = "Tuesday", everyWeeks = 2, firstDate = "2030-01-01", localTime = "10:00:00", participants = new[] { participant },
    };

    public static async Task<JsonNode> ReadAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        await ApiSession.Expect(response, status);
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
    }

    public static Guid IdOf(JsonNode? node) => Guid.Parse(node!["id"]!.GetValue<string>());

    /// <summary>Notifications come only from SLA checks and routing; one is written directly, as they would write it.</summary>
    private static async Task<Guid> NotificationAsync(L2RApiFactory factory, Guid tenantId, Guid userId, Guid leadId)
    {
        await using var scope = factory.Services.GetRequiredService<ITenantScopes>().Open(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<L2RDbContext>();
        var notification = new Notification { TenantId = tenantId, UserId = userId, LeadId = leadId, Kind = NotificationKind.LeadReassigned, Message = "A lead is yours.", CreatedAt = DateTime.UtcNow };
        db.Add(notification);
        await db.SaveChangesAsync();
        return notification.Id;
    }
}

/// <summary>The ids of a <see cref="TenantWorld"/>, each named by its role.</summary>
public sealed record WorldIds(
    Guid Lead, Guid OtherLead, Guid Activity, Guid Draft, Guid Activation, Guid User, Guid Client, Guid Secret, Guid Notification,
    Guid Import, Guid Tag, Guid OtherTag, Guid Review, Guid Note, Guid Action, Guid Team, Guid Webhook, Guid Delivery)
{
    /// <summary>Ids that exist in no tenant, the same throughout a run so answers can name them.</summary>
    public static readonly WorldIds Nowhere = new(
        Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(),
        Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

    public IReadOnlyDictionary<string, Guid> Named => typeof(WorldIds).GetProperties().Where(p => p.PropertyType == typeof(Guid)).ToDictionary(p => p.Name, p => (Guid)p.GetValue(this)!);

    public IEnumerable<Guid> All => Named.Values;
}
