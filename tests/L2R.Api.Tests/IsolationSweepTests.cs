using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using L2R.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace L2R.Api.Tests;

/// <summary>
/// The isolation sweep (OWASP API1, broken object-level authorisation), driven by the OpenAPI document: every operation
/// that takes an id in its path, query or body is called by another tenant's user, who holds every role, with the
/// first tenant's ids, and once more with ids that exist nowhere. The two answers must be the same (a foreign id is
/// indistinguishable from an unknown one), an id in the path must answer 404, and not one row of the first tenant may
/// change. An operation the document gains without a probe here fails the sweep.
/// </summary>
public abstract partial class IsolationSweepTests<TFactory>(TFactory factory, ITestOutputHelper output) : IClassFixture<TFactory>
    where TFactory : L2RApiFactory
{
    /// <summary>Operations that answer per item (a bulk request, a batch, a filter) may answer 2xx; the foreign item's result must still equal an unknown one's.</summary>
    private static readonly HashSet<string> PerItemOperations =
    [
        "POST /api/leads/bulk/owner", "POST /api/leads/bulk/transitions", "POST /api/leads/bulk/campaign", "POST /api/activities", "GET /api/intel/leads",
    ];

    [Fact]
    public async Task EveryOperationWithAnId_AnswersAnotherTenantAsIfTheIdDidNotExist_AndChangesNothing()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var victim = await TenantWorld.CreateAsync(factory, receiver);
        var intruder = await IntruderAsync();
        var probes = Probes(intruder);

        var uncovered = OperationsWithIds().Except(probes.Select(p => p.Operation)).ToList();
        Assert.True(uncovered.Count == 0, $"Operations with ids the isolation sweep does not probe; add them to {nameof(Probes)}: {string.Join(", ", uncovered)}");

        var before = await TenantWorld.RowsAsync(factory, victim.TenantId);
        var failures = new List<string>();
        foreach (var probe in probes)
        {
            var foreign = await SendAsync(intruder.Session, probe.Request(victim.Ids));
            var unknown = await SendAsync(intruder.Session, probe.Request(WorldIds.Nowhere));
            var idInPath = victim.Ids.All.Any(id => foreign.Path.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase));
            var problem = (foreign.Status, idInPath) switch
            {
                ( >= 500, _) => "a server error",
                (not 404, true) => "not 404 for a foreign id in the path",
                ( < 300, false) when !PerItemOperations.Contains(probe.Operation) => "a success for a foreign id",
                _ when foreign.Status != unknown.Status => $"{unknown.Status} for an unknown id",
                _ when Normalised(foreign.Body, victim.Ids) != Normalised(unknown.Body, WorldIds.Nowhere) => $"a body unlike an unknown id's: {unknown.Body}",
                _ => null,
            };
            if (problem is not null)
            {
                failures.Add($"{probe.Operation} ({probe.Variant}): {foreign.Status} {foreign.Body} — {problem}");
            }
        }

        var after = await TenantWorld.RowsAsync(factory, victim.TenantId);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, after);
        ProofFigures.Report(output, $"isolation sweep on {factory.Provider}: {probes.Select(p => p.Operation).Distinct().Count()} operations, " +
            $"{probes.Count * 2} calls ({probes.Count} with foreign ids, {probes.Count} with unknown ones), {before.Count} rows of the first tenant unchanged; failures: 0");
    }

    /// <summary>Every operation of the document with a uuid in its path, its query or anywhere in its request body.</summary>
    private static IEnumerable<string> OperationsWithIds()
    {
        var document = OpenApiDocument.Load();
        var schemas = document["components"]!["schemas"]!.AsObject();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var parameters = operation!["parameters"]?.AsArray() ?? [];
                var hasId = parameters.Any(p => p!["schema"]?["format"]?.GetValue<string>() == "uuid")
                    || (operation["requestBody"]?["content"]?.AsObject() ?? []).Any(c => MentionsUuid(c.Value!["schema"], schemas, []));
                if (hasId)
                {
                    yield return $"{method.ToUpperInvariant()} {path}";
                }
            }
        }
    }

    private static bool MentionsUuid(JsonNode? schema, JsonObject schemas, HashSet<string> seen)
    {
        if (schema is not JsonObject node)
        {
            return false;
        }

        if (node["$ref"]?.GetValue<string>() is { } reference)
        {
            var name = reference.Split('/')[^1];
            return seen.Add(name) && MentionsUuid(schemas[name], schemas, seen);
        }

        return node["format"]?.GetValue<string>() == "uuid"
            || MentionsUuid(node["items"], schemas, seen)
            || MentionsUuid(node["additionalProperties"], schemas, seen)
            || (node["properties"]?.AsObject() ?? []).Any(p => MentionsUuid(p.Value, schemas, seen))
            || new[] { "allOf", "oneOf", "anyOf" }.Any(k => (node[k]?.AsArray() ?? []).Any(s => MentionsUuid(s, schemas, seen)));
    }

    /// <summary>
    /// One request per way an id reaches an operation: the victim's id where the intruder would name their own resource,
    /// and, where a path has two ids, the intruder's own parent with the victim's child.
    /// </summary>
    private static List<Probe> Probes(Intruder own)
    {
        var probes = new List<Probe>();
        void Add(string operation, Func<WorldIds, HttpRequestMessage> request, string variant = "foreign id") => probes.Add(new Probe(operation, variant, request));

        Add("GET /api/agreement/activations/{id}", v => Get($"/api/agreement/activations/{v.Activation}"));
        Add("GET /api/agreement/drafts/{id}", v => Get($"/api/agreement/drafts/{v.Draft}"));
        Add("PUT /api/agreement/drafts/{id}", v => Send(HttpMethod.Put, $"/api/agreement/drafts/{v.Draft}", new { agreement = own.DraftAgreement, revision = own.DraftRevision }));
        Add("PUT /api/agreement/drafts/{id}", v => Send(HttpMethod.Put, $"/api/agreement/drafts/{own.Draft}", new { agreement = RoutedTo(own.DraftAgreement, v.Team), revision = own.DraftRevision }), "fallback team of the victim in the intruder's draft");
        Add("DELETE /api/agreement/drafts/{id}", v => Send(HttpMethod.Delete, $"/api/agreement/drafts/{v.Draft}"));
        Add("POST /api/agreement/drafts/{id}/approvals", v => Send(HttpMethod.Post, $"/api/agreement/drafts/{v.Draft}/approvals", new { role = "Sales" }));
        Add("DELETE /api/agreement/drafts/{id}/approvals/mine", v => Send(HttpMethod.Delete, $"/api/agreement/drafts/{v.Draft}/approvals/mine"));
        Add("POST /api/agreement/drafts/{id}/simulation", v => Send(HttpMethod.Post, $"/api/agreement/drafts/{v.Draft}/simulation"));
        Add("POST /api/agreement/drafts/{id}/activate", v => Send(HttpMethod.Post, $"/api/agreement/drafts/{v.Draft}/activate"));
        Add("GET /api/agreement/drafts/{id}/diagram", v => Get($"/api/agreement/drafts/{v.Draft}/diagram"));

        Add("GET /api/users/{id}", v => Get($"/api/users/{v.User}"));
        Add("PUT /api/users/{id}/roles", v => Send(HttpMethod.Put, $"/api/users/{v.User}/roles", new { roles = new[] { "Sales" } }));
        Add("POST /api/users/{id}/deactivate", v => Send(HttpMethod.Post, $"/api/users/{v.User}/deactivate"));
        Add("GET /api/users/{id}/availability", v => Get($"/api/users/{v.User}/availability"));
        Add("PUT /api/users/{id}/availability", v => Send(HttpMethod.Put, $"/api/users/{v.User}/availability", new { workingHours = Array.Empty<object>(), outOfOffice = Array.Empty<object>() }));

        Add("GET /api/clients/{id}", v => Get($"/api/clients/{v.Client}"));
        Add("DELETE /api/clients/{id}", v => Send(HttpMethod.Delete, $"/api/clients/{v.Client}"));
        Add("POST /api/clients/{id}/secrets", v => Send(HttpMethod.Post, $"/api/clients/{v.Client}/secrets"));
        Add("DELETE /api/clients/{id}/secrets/{secretId}", v => Send(HttpMethod.Delete, $"/api/clients/{v.Client}/secrets/{v.Secret}"));
        Add("DELETE /api/clients/{id}/secrets/{secretId}", v => Send(HttpMethod.Delete, $"/api/clients/{own.Client}/secrets/{v.Secret}"), "the intruder's client, the victim's secret");

        Add("POST /api/notifications/{id}/read", v => Send(HttpMethod.Post, $"/api/notifications/{v.Notification}/read"));

        Add("GET /api/imports/{id}", v => Get($"/api/imports/{v.Import}"));
        Add("POST /api/imports/{id}/dry-run", v => Send(HttpMethod.Post, $"/api/imports/{v.Import}/dry-run", new { }));
        Add("POST /api/imports/{id}/start", v => Send(HttpMethod.Post, $"/api/imports/{v.Import}/start"));
        Add("GET /api/imports/{id}/errors", v => Get($"/api/imports/{v.Import}/errors"));
        Add("POST /api/imports/{id}/cancel", v => Send(HttpMethod.Post, $"/api/imports/{v.Import}/cancel"));
        Add("POST /api/imports/{id}/undo", v => Send(HttpMethod.Post, $"/api/imports/{v.Import}/undo"));

        Add("GET /api/intel/leads", v => Get($"/api/intel/leads?tagId={v.Tag}"));
        Add("PUT /api/intel/tags/{id}", v => Send(HttpMethod.Put, $"/api/intel/tags/{v.Tag}", new { label = "Mallory's", retired = false }));
        Add("POST /api/intel/tags/{id}/merge-into/{other}", v => Send(HttpMethod.Post, $"/api/intel/tags/{v.Tag}/merge-into/{v.OtherTag}"));
        Add("POST /api/intel/tags/{id}/merge-into/{other}", v => Send(HttpMethod.Post, $"/api/intel/tags/{own.Tag}/merge-into/{v.Tag}"), "the intruder's tag into the victim's");
        Add("POST /api/intel/tags/{id}/merge-into/{other}", v => Send(HttpMethod.Post, $"/api/intel/tags/{v.Tag}/merge-into/{own.Tag}"), "the victim's tag into the intruder's");

        Add("GET /api/leads/{id}", v => Get($"/api/leads/{v.Lead}"));
        Add("PATCH /api/leads/{id}", v => Send(HttpMethod.Patch, $"/api/leads/{v.Lead}", new { firstName = "Mallory" }));
        Add("PATCH /api/leads/{id}", v => Send(HttpMethod.Patch, $"/api/leads/{own.Lead}", new { ownerId = v.User }), "the victim's user as owner of the intruder's lead");
        Add("POST /api/leads/{id}/merge", v => Send(HttpMethod.Post, $"/api/leads/{v.Lead}/merge", new { absorbedLeadId = v.OtherLead }));
        Add("POST /api/leads/{id}/merge", v => Send(HttpMethod.Post, $"/api/leads/{own.Lead}/merge", new { absorbedLeadId = v.Lead }), "the intruder's lead absorbing the victim's");
        Add("GET /api/leads/{id}/transitions", v => Get($"/api/leads/{v.Lead}/transitions"));
        Add("POST /api/leads/{id}/transitions", v => Send(HttpMethod.Post, $"/api/leads/{v.Lead}/transitions", new { trigger = "Accept" }));
        Add("POST /api/leads/{id}/transitions", v => Send(HttpMethod.Post, $"/api/leads/{own.Lead}/transitions", new { trigger = "Reject", reasonCode = "no-need", intel = new { competitors = new[] { v.Tag } } }), "the victim's tag on the intruder's move");
        Add("GET /api/leads/{id}/history", v => Get($"/api/leads/{v.Lead}/history"));
        Add("GET /api/leads/{id}/feedback", v => Get($"/api/leads/{v.Lead}/feedback"));
        Add("GET /api/leads/{id}/activities", v => Get($"/api/leads/{v.Lead}/activities"));
        Add("POST /api/leads/{id}/activities", v => Send(HttpMethod.Post, $"/api/leads/{v.Lead}/activities", new { type = "Meeting" }));
        Add("POST /api/leads/{id}/activities", v => Send(HttpMethod.Post, $"/api/leads/{own.Lead}/activities", new { type = "Call", intel = new { pains = new[] { v.Tag } } }), "the victim's tag on the intruder's call");
        Add("GET /api/leads/{id}/activities/{activityId}", v => Get($"/api/leads/{v.Lead}/activities/{v.Activity}"));
        Add("GET /api/leads/{id}/activities/{activityId}", v => Get($"/api/leads/{own.Lead}/activities/{v.Activity}"), "the intruder's lead, the victim's activity");
        Add("GET /api/leads/{id}/sla", v => Get($"/api/leads/{v.Lead}/sla"));
        Add("GET /api/leads/{id}/score", v => Get($"/api/leads/{v.Lead}/score"));
        Add("POST /api/leads/bulk/owner", v => Send(HttpMethod.Post, "/api/leads/bulk/owner", new { leadIds = new[] { v.Lead }, ownerId = (Guid?)null }));
        Add("POST /api/leads/bulk/owner", v => Send(HttpMethod.Post, "/api/leads/bulk/owner", new { leadIds = new[] { own.Lead }, ownerId = v.User }), "the victim's user as owner");
        Add("POST /api/leads/bulk/transitions", v => Send(HttpMethod.Post, "/api/leads/bulk/transitions", new { leadIds = new[] { v.Lead }, trigger = "Accept" }));
        Add("POST /api/leads/bulk/campaign", v => Send(HttpMethod.Post, "/api/leads/bulk/campaign", new { leadIds = new[] { v.Lead }, campaign = "Mallory" }));
        Add("POST /api/leads/upsert", v => Send(HttpMethod.Post, "/api/leads/upsert", new { email = own.LeadEmail, lastName = "Vance", ownerId = v.User }));
        Add("POST /api/activities", v => Send(HttpMethod.Post, "/api/activities", new { items = new[] { new { leadId = v.Lead, type = "Webinar" } } }));

        Add("GET /api/reviews/{id}", v => Get($"/api/reviews/{v.Review}"));
        Add("GET /api/reviews/{id}/brief", v => Get($"/api/reviews/{v.Review}/brief"));
        Add("POST /api/reviews/{id}/brief", v => Send(HttpMethod.Post, $"/api/reviews/{v.Review}/brief"));
        Add("GET /api/reviews/{id}/brief.md", v => Get($"/api/reviews/{v.Review}/brief.md"));
        Add("POST /api/reviews/{id}/agenda", v => Send(HttpMethod.Post, $"/api/reviews/{v.Review}/agenda", new { text = "Mallory's item" }));
        Add("POST /api/reviews/{id}/comments", v => Send(HttpMethod.Post, $"/api/reviews/{v.Review}/comments", new { text = "Mallory's comment" }));
        Add("PUT /api/reviews/{id}/notes/{noteId}", v => Send(HttpMethod.Put, $"/api/reviews/{v.Review}/notes/{v.Note}", new { text = "Mallory's note" }));
        Add("PUT /api/reviews/{id}/notes/{noteId}", v => Send(HttpMethod.Put, $"/api/reviews/{own.Review}/notes/{v.Note}", new { text = "Mallory's note" }), "the intruder's review, the victim's note");
        Add("DELETE /api/reviews/{id}/notes/{noteId}", v => Send(HttpMethod.Delete, $"/api/reviews/{v.Review}/notes/{v.Note}"));
        Add("DELETE /api/reviews/{id}/notes/{noteId}", v => Send(HttpMethod.Delete, $"/api/reviews/{own.Review}/notes/{v.Note}"), "the intruder's review, the victim's note");
        Add("POST /api/reviews/{id}/decisions", v => Send(HttpMethod.Post, $"/api/reviews/{v.Review}/decisions", new { text = "Mallory decides" }));
        Add("POST /api/reviews/{id}/actions", v => Send(HttpMethod.Post, $"/api/reviews/{v.Review}/actions", TenantWorld.ReviewAction(own.User)));
        Add("POST /api/reviews/{id}/actions", v => Send(HttpMethod.Post, $"/api/reviews/{own.Review}/actions", TenantWorld.ReviewAction(v.User)), "the victim's user as the action's owner");
        Add("PUT /api/reviews/{id}/actions/{actionId}", v => Send(HttpMethod.Put, $"/api/reviews/{v.Review}/actions/{v.Action}", TenantWorld.ReviewAction(own.User)));
        Add("PUT /api/reviews/{id}/actions/{actionId}", v => Send(HttpMethod.Put, $"/api/reviews/{own.Review}/actions/{v.Action}", TenantWorld.ReviewAction(own.User)), "the intruder's review, the victim's action");
        Add("PUT /api/reviews/cadence", v => Send(HttpMethod.Put, "/api/reviews/cadence", TenantWorld.Cadence(v.User)));

        Add("POST /api/teams", v => Send(HttpMethod.Post, "/api/teams", TenantWorld.TeamBody("Mallory's", v.User)));
        Add("GET /api/teams/{id}", v => Get($"/api/teams/{v.Team}"));
        Add("PUT /api/teams/{id}", v => Send(HttpMethod.Put, $"/api/teams/{v.Team}", TenantWorld.TeamBody("Mallory's", own.User)));
        Add("PUT /api/teams/{id}", v => Send(HttpMethod.Put, $"/api/teams/{own.Team}", TenantWorld.TeamBody("Intruders", v.User)), "the victim's user in the intruder's team");
        Add("DELETE /api/teams/{id}", v => Send(HttpMethod.Delete, $"/api/teams/{v.Team}"));

        Add("GET /api/webhooks/{id}", v => Get($"/api/webhooks/{v.Webhook}"));
        Add("PUT /api/webhooks/{id}", v => Send(HttpMethod.Put, $"/api/webhooks/{v.Webhook}", new { url = "https://mallory.example/hook", enabled = true, rotateSecret = true }));
        Add("DELETE /api/webhooks/{id}", v => Send(HttpMethod.Delete, $"/api/webhooks/{v.Webhook}"));
        Add("GET /api/webhooks/{id}/deliveries", v => Get($"/api/webhooks/{v.Webhook}/deliveries"));
        Add("POST /api/webhooks/{id}/test", v => Send(HttpMethod.Post, $"/api/webhooks/{v.Webhook}/test"));
        Add("POST /api/webhooks/{id}/replay", v => Send(HttpMethod.Post, $"/api/webhooks/{v.Webhook}/replay", new { since = DateTime.UtcNow.AddDays(-1) }));
        Add("POST /api/webhooks/deliveries/{id}/redeliver", v => Send(HttpMethod.Post, $"/api/webhooks/deliveries/{v.Delivery}/redeliver"));
        return probes;
    }

    private static JsonObject RoutedTo(JsonObject agreement, Guid team)
    {
        var routed = agreement.DeepClone().AsObject();
        routed["routing"] = new JsonObject
        {
            ["assignOnEntry"] = "MQL", ["rules"] = new JsonArray(), ["fallbackTeamId"] = team.ToString(), ["fallbackDistribution"] = "WeightedRoundRobin",
        };
        return routed;
    }

    private static HttpRequestMessage Get(string url) => new(HttpMethod.Get, url);

    private static HttpRequestMessage Send(HttpMethod method, string url, object? body = null) =>
        new(method, url) { Content = body is null ? null : JsonContent.Create(body, options: ApiSession.Json) };

    private static async Task<Answer> SendAsync(ApiSession session, HttpRequestMessage request)
    {
        var path = request.RequestUri!.OriginalString;
        using var response = await session.Http.SendAsync(request);
        return new Answer(path, (int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// The body with its trace id dropped and each probed id named by its role, so a foreign id's answer can be compared
    /// with an unknown one's; any other id (one the intruder's own request just created) is just "an id".
    /// </summary>
    private static string Normalised(string body, WorldIds ids)
    {
        var named = ids.Named.Aggregate(body, (text, id) => text.Replace(id.Value.ToString(), $"{{{id.Key}}}", StringComparison.OrdinalIgnoreCase));
        named = AnyGuid().Replace(named, "{id}");
        return JsonNode.Parse(named.Length == 0 ? "null" : named) is JsonObject problem && problem.Remove("traceId") ? problem.ToJsonString() : named;
    }

    /// <summary>A user of another tenant who holds every role, with a resource of each kind of their own to name beside the victim's.</summary>
    private async Task<Intruder> IntruderAsync()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var session = await admin.AddUserAsync(factory, "Admin", "Marketing", "Sales");
        var user = TenantWorld.IdOf(await session.GetJsonAsync("/api/me"));
        var email = $"own.{Guid.NewGuid():N}@initech.example";
        var lead = await session.CreateMqlLeadAsync(ApiSession.GoodFitLead(email));
        var draft = await session.CreateDraftAsync();
        var client = await ApiClientSession.CreateAsync(factory, session, "Own", "leads:read");
        var (review, _, _) = await TenantWorld.ReviewAsync(session, user);
        var team = TenantWorld.IdOf(await TenantWorld.ReadAsync(await session.Http.PostAsJsonAsync("/api/teams", TenantWorld.TeamBody("Own", user)), HttpStatusCode.Created));
        return new Intruder(session, user, lead, email, TenantWorld.IdOf(draft), draft["agreement"]!.AsObject(), draft["revision"]!.GetValue<int>(),
            client.Id, await TenantWorld.TagAsync(session, "Zoho"), review, team);
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex AnyGuid();

    private sealed record Probe(string Operation, string Variant, Func<WorldIds, HttpRequestMessage> Request);

    private sealed record Answer(string Path, int Status, string Body);

    private sealed record Intruder(
        ApiSession Session, Guid User, Guid Lead, string LeadEmail, Guid Draft, JsonObject DraftAgreement, int DraftRevision, Guid Client, Guid Tag, Guid Review, Guid Team);

}

public sealed class SqliteIsolationSweepTests(SqliteApiFactory factory, ITestOutputHelper output) : IsolationSweepTests<SqliteApiFactory>(factory, output);

public sealed class PostgresIsolationSweepTests(PostgresApiFactory factory, ITestOutputHelper output) : IsolationSweepTests<PostgresApiFactory>(factory, output);
