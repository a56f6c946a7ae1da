using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Tenancy;
using L2R.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace L2R.Api.Tests;

/// <summary>
/// Bad input generated from the OpenAPI document with CsCheck: for a random operation, a request built from its schema
/// (the tenant's real ids in the path, a body shaped like the schema) is spoiled one way — a wrong type, a missing
/// required field, an unknown field, a huge string or number, deep nesting, invalid UTF-8, a wrong content type, no JSON
/// at all, a mangled path or query parameter. The API must answer 2xx, or 4xx with ProblemDetails having written
/// nothing; never 5xx. A failure prints the CsCheck seed that replays it. <c>L2R_PROOF_LONG=1</c> (<c>scripts/test.sh --long</c>)
/// runs ten times as many.
/// </summary>
public abstract class GeneratedBadInputTests<TFactory>(TFactory factory, ITestOutputHelper output) : IClassFixture<TFactory>
    where TFactory : L2RApiFactory
{
    private static readonly int Iterations = Environment.GetEnvironmentVariable("L2R_PROOF_LONG") == "1" ? 3000 : 300;

    private static readonly JsonObject Document = OpenApiDocument.Load();

    private static readonly JsonObject Schemas = Document["components"]!["schemas"]!.AsObject();

    private static readonly List<Operation> Operations = OperationsOf(Document);

    /// <summary>Operations that take a body come up three times as often: most ways to spoil a request are in its body.</summary>
    private static readonly List<Operation> Weighted = [.. Operations, .. Enumerable.Repeat(Operations.Where(o => o.MediaType is not null), 2).SelectMany(o => o)];

    [Fact]
    public async Task SpoiledRequestsToEveryOperation_Answer2xxOr4xxProblemDetails_WriteNothingOn4xx_AndNeverA5xx()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var world = await TenantWorld.CreateAsync(factory, receiver);
        var caller = await world.Team.Admin.AddUserAsync(factory, "Admin", "Marketing", "Sales");
        var rows = await TenantWorld.RowsAsync(factory, world.TenantId);
        var statuses = new SortedDictionary<int, int>();
        var spoilings = new SortedDictionary<Spoiling, int>();

        var cases = Gen.Select(Gen.Int[0, Weighted.Count - 1], Gen.Enum<Spoiling>(), Gen.Int[0, 1_000_000], (operation, spoiling, choice) => new Case(Weighted[operation], Applicable(Weighted[operation], spoiling), choice));
        await cases.SampleAsync(
            async @case =>
            {
                using var request = @case.Build(world.Ids);
                using var response = await caller.Http.SendAsync(request);
                var status = (int)response.StatusCode;
                var body = await response.Content.ReadAsStringAsync();
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                spoilings[@case.Spoiling] = spoilings.GetValueOrDefault(@case.Spoiling) + 1;

                Assert.True(status < 500, $"{@case}: {status} {body}");
                if (status >= 400)
                {
                    Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{@case}: {status} without ProblemDetails: {body}");
                    Assert.Equal(status, JsonNode.Parse(body)!["status"]!.GetValue<int>());
                    var after = await TenantWorld.RowsAsync(factory, world.TenantId);
                    Assert.True(after.SequenceEqual(rows), $"{@case}: {status}, yet it changed the tenant's rows: {string.Join("\n", after.Except(rows).Take(3))}");
                }
                else
                {
                    rows = await SettledRowsAsync(world.TenantId);
                }
            },
            iter: Iterations,
            threads: 1,
            print: c => c.ToString());

        ProofFigures.Report(output, $"generated bad input on {factory.Provider}: {Iterations} requests over {Operations.Count} operations " +
            $"({string.Join(", ", spoilings.Select(s => $"{s.Key} {s.Value}"))}); answers {string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}"))}; 5xx: 0, 4xx that wrote: 0");
    }

    /// <summary>An operation without a body is spoiled in its parameters, or by a body it does not take.</summary>
    private static Spoiling Applicable(Operation operation, Spoiling spoiling)
    {
        var bodySpoiling = spoiling is Spoiling.WrongType or Spoiling.MissingRequired or Spoiling.UnknownField or Spoiling.HugeString or Spoiling.HugeNumber or Spoiling.DeepNesting;
        if (!bodySpoiling || operation.MediaType is not null)
        {
            return spoiling;
        }

        var inPath = operation.Parameters.Any(p => p["in"]!.GetValue<string>() == "path");
        var inQuery = operation.Parameters.Any(p => p["in"]!.GetValue<string>() == "query");
        return (spoiling, inPath, inQuery) switch
        {
            (Spoiling.WrongType or Spoiling.HugeNumber or Spoiling.HugeString, _, true) => Spoiling.MangledQueryParameter,
            (_, true, _) => Spoiling.MangledPathParameter,
            (_, _, true) => Spoiling.MangledQueryParameter,
            _ => Spoiling.NotJson,
        };
    }

    /// <summary>
    /// A request that succeeded may have started background work (an activation's re-scoring, an import): wait until
    /// none is queued or running and the rows stop changing. Unchanged rows alone are not enough: an import pauses
    /// between its steps for longer than one look apart. The work is asked about before the second look, so that a
    /// pass which ends between the two looks is seen in the second, not taken as settled with the first.
    /// </summary>
    private async Task<List<string>> SettledRowsAsync(Guid tenantId)
    {
        var rows = await TenantWorld.RowsAsync(factory, tenantId);
        for (var attempt = 0; attempt < 50; attempt++)
        {
            await Task.Delay(100);
            var pending = await BackgroundWorkPendingAsync(tenantId);
            var again = await TenantWorld.RowsAsync(factory, tenantId);
            if (!pending && again.SequenceEqual(rows))
            {
                return rows;
            }

            rows = again;
        }

        throw new TimeoutException("The tenant's rows kept changing for 5 s after a request.");
    }

    private async Task<bool> BackgroundWorkPendingAsync(Guid tenantId)
    {
        await using var scope = factory.Services.GetRequiredService<ITenantScopes>().Open(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<L2RDbContext>();
        return await db.ImportRuns.AnyAsync(r => r.Status == ImportStatus.Queued || r.Status == ImportStatus.Running)
            || await db.AgreementActivations.AnyAsync(a => a.Status == ActivationStatus.Running);
    }

    private static List<Operation> OperationsOf(JsonObject document)
    {
        var operations = new List<Operation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, definition) in item!.AsObject())
            {
                var parameters = (definition!["parameters"]?.AsArray() ?? []).Select(p => p!.AsObject()).ToList();
                var content = definition["requestBody"]?["content"]?.AsObject();
                var (mediaType, schema) = content?.Select(c => (c.Key, c.Value!["schema"])).FirstOrDefault() ?? default;
                var example = content?.Select(c => c.Value!["example"]).FirstOrDefault(e => e is not null);
                operations.Add(new Operation(new HttpMethod(method.ToUpperInvariant()), path, parameters, mediaType, schema, example));
            }
        }

        return operations;
    }

    public enum Spoiling
    {
        WrongType,
        MissingRequired,
        UnknownField,
        HugeString,
        HugeNumber,
        DeepNesting,
        InvalidUtf8,
        WrongContentType,
        NotJson,
        MangledPathParameter,
        MangledQueryParameter,
    }

    private sealed record Operation(HttpMethod Method, string Path, List<JsonObject> Parameters, string? MediaType, JsonNode? Schema, JsonNode? Example)
    {
        public override string ToString() => $"{Method} {Path}";
    }

    private sealed record Case(Operation Operation, Spoiling Spoiling, int Choice)
    {
        private static readonly string[] Mangled = ["not-an-id", "00000000-0000-0000-0000-00000000000", "1 OR 1=1", "../../etc/passwd", "%00", new string('9', 400), "-1", "1e400", "🦄", "{id}"];

        private static readonly JsonNode?[] WrongValues = ["a string", 42, -1.5, true, null, new JsonArray(1, 2), new JsonObject { ["nested"] = "object" }];

        public override string ToString() => $"{Operation} spoiled by {Spoiling} (choice {Choice})";

        public HttpRequestMessage Build(WorldIds ids)
        {
            var random = new Random(Choice);
            var pathParameters = Operation.Parameters.Where(p => p["in"]!.GetValue<string>() == "path").ToList();
            var mangledPath = Spoiling == Spoiling.MangledPathParameter && pathParameters.Count > 0 ? Pick(random, pathParameters)["name"]!.GetValue<string>() : null;
            var path = Operation.Path;
            foreach (var parameter in pathParameters)
            {
                var name = parameter["name"]!.GetValue<string>();
                var value = name == mangledPath ? Pick(random, Mangled) : PathValue(Operation.Path, name, parameter["schema"], ids);
                path = path.Replace($"{{{name}}}", Uri.EscapeDataString(value));
            }

            var query = new List<string>();
            var queryParameters = Operation.Parameters.Where(p => p["in"]!.GetValue<string>() == "query").ToList();
            var mangledQuery = Spoiling == Spoiling.MangledQueryParameter && queryParameters.Count > 0 ? Pick(random, queryParameters) : null;
            foreach (var parameter in queryParameters.Where(p => p == mangledQuery || p["required"]?.GetValue<bool>() == true))
            {
                var value = parameter == mangledQuery ? Pick(random, Mangled) : Sample(parameter["schema"], random, ids, 0)?.ToString() ?? "";
                query.Add($"{parameter["name"]!.GetValue<string>()}={Uri.EscapeDataString(value)}");
            }

            var request = new HttpRequestMessage(Operation.Method, query.Count == 0 ? path : $"{path}?{string.Join('&', query)}");
            if (Operation.MediaType is null && Spoiling is not (Spoiling.WrongContentType or Spoiling.NotJson or Spoiling.InvalidUtf8))
            {
                return request;
            }

            var body = Operation.Example?.DeepClone() ?? Sample(Operation.Schema, random, ids, 0) ?? new JsonObject();
            request.Content = Spoiling switch
            {
                Spoiling.WrongContentType => new StringContent(body.ToJsonString(), Encoding.UTF8, Pick(random, ["text/plain", "application/xml", "application/x-www-form-urlencoded", "image/png"])),
                Spoiling.NotJson => Json(Pick(random, ["{", "{\"a\":", "[1,2", "nul", "\"unterminated", "{'single': 'quotes'}", "{\"a\":1,}", "\u0000", ""])),
                Spoiling.InvalidUtf8 => InvalidUtf8(body.ToJsonString(), random),
                Spoiling.DeepNesting => Json(Spoil(body, random, _ => DeepNesting(random.Next(100, 5000)), raw: true)),
                Spoiling.HugeString => Json(Spoil(body, random, _ => new string('x', random.Next(10_000, 1_000_000)))),
                Spoiling.HugeNumber => Json(Spoil(body, random, _ => Pick(random, ["1e400", "-1e400", "9223372036854775808", "2147483648", "-2147483649", "0.0000000000000000000000000001", "1" + new string('0', 5000)]), raw: true)),
                Spoiling.WrongType => Json(Spoil(body, random, current => Pick(random, WrongValues.Where(v => v?.GetValueKind() != current?.GetValueKind()).ToArray())?.DeepClone())),
                Spoiling.MissingRequired => Json(WithoutARequiredField(body, random)),
                Spoiling.UnknownField => Json(WithUnknownField(body, random)),
                _ => Operation.MediaType == "application/json" ? Json(body.ToJsonString()) : new StringContent(body.ToJsonString(), Encoding.UTF8, Operation.MediaType),
            };
            return request;
        }

        /// <summary>The world's id of the resource the path names ("/api/leads/{id}/activities/{activityId}": the activity), or a plausible value for other parameters.</summary>
        private static string PathValue(string path, string name, JsonNode? schema, WorldIds ids)
        {
            var segments = path.Split('/');
            var index = Array.IndexOf(segments, $"{{{name}}}");
            var resource = index > 0 ? segments[index - 1] : "";
            return (resource, name) switch
            {
                ("merge-into", _) => ids.OtherTag.ToString(),
                (_, "secretId") => ids.Secret.ToString(),
                (_, "activityId") => ids.Activity.ToString(),
                (_, "noteId") => ids.Note.ToString(),
                (_, "actionId") => ids.Action.ToString(),
                ("leads", _) => ids.Lead.ToString(),
                ("drafts", _) => ids.Draft.ToString(),
                ("activations", _) => ids.Activation.ToString(),
                ("users", _) => ids.User.ToString(),
                ("clients", _) => ids.Client.ToString(),
                ("notifications", _) => ids.Notification.ToString(),
                ("imports", _) => ids.Import.ToString(),
                ("tags", _) => ids.Tag.ToString(),
                ("reviews", _) => ids.Review.ToString(),
                ("teams", _) => ids.Team.ToString(),
                ("webhooks", _) => ids.Webhook.ToString(),
                ("deliveries", _) => ids.Delivery.ToString(),
                ("versions", _) => "1",
                ("templates", _) => "default",
                _ => Sample(schema, new Random(0), ids, 0)?.ToString() ?? "x",
            };
        }

        /// <summary>A value shaped like the schema: required properties (and, at random, optional ones) filled with plausible values; uuids from the world.</summary>
        private static JsonNode? Sample(JsonNode? schema, Random random, WorldIds ids, int depth)
        {
            if (schema is not JsonObject node || depth > 6)
            {
                return null;
            }

            if (node["$ref"]?.GetValue<string>() is { } reference)
            {
                return Sample(Schemas[reference.Split('/')[^1]], random, ids, depth + 1);
            }

            if ((node["oneOf"] ?? node["anyOf"] ?? node["allOf"])?.AsArray() is { Count: > 0 } choices)
            {
                return Sample(Pick(random, choices.ToArray()), random, ids, depth + 1);
            }

            if (node["enum"]?.AsArray() is { } values)
            {
                var named = values.Where(v => v is not null).ToArray();
                return named.Length == 0 ? null : Pick(random, named)!.DeepClone();
            }

            return (node["type"]?.GetValue<string>(), node["format"]?.GetValue<string>()) switch
            {
                ("string", "uuid") => Pick(random, ids.All.ToArray()).ToString(),
                ("string", "date-time") => DateTime.UtcNow.AddDays(random.Next(-30, 30)).ToString("O"),
                ("string", "date") => DateOnly.FromDateTime(DateTime.UtcNow.AddDays(random.Next(-30, 30))).ToString("yyyy-MM-dd"),
                ("string", "email") => $"someone.{random.Next()}@example.test",
                ("string", "uri") => "https://example.test/hook",
                ("string", _) => Pick(random, ["Globex", "webinar", "x", $"someone.{random.Next()}@example.test", "10:00:00"]),
                ("integer", _) => random.Next(0, 100),
                ("number", _) => random.NextDouble() * 100,
                ("boolean", _) => random.Next(2) == 0,
                ("array", _) => new JsonArray(Enumerable.Range(0, random.Next(0, 3)).Select(_ => Sample(node["items"], random, ids, depth + 1)).ToArray()),
                _ => SampleObject(node, random, ids, depth),
            };
        }

        private static JsonObject SampleObject(JsonObject node, Random random, WorldIds ids, int depth)
        {
            var required = node["required"]?.AsArray().Select(r => r!.GetValue<string>()).ToHashSet() ?? [];
            var sample = new JsonObject();
            foreach (var (name, property) in node["properties"]?.AsObject() ?? [])
            {
                if (required.Contains(name) || random.Next(3) == 0)
                {
                    sample[name] = Sample(property, random, ids, depth + 1);
                }
            }

            return sample;
        }

        /// <summary>The body with one value (a property somewhere, or the whole body when it has none) replaced.</summary>
        private static string Spoil(JsonNode body, Random random, Func<JsonNode?, object?> replacement, bool raw = false)
        {
            const string Marker = "\"__spoiled__\"";
            var slots = Slots(body).ToList();
            var copy = body.DeepClone();
            if (slots.Count == 0)
            {
                var whole = replacement(body);
                return raw ? (string)whole! : JsonValueOf(whole);
            }

            var (parentPath, key) = Pick(random, slots.ToArray());
            var parent = Navigate(copy, parentPath);
            var value = replacement(parent is JsonObject o ? o[key] : parent!.AsArray()[int.Parse(key)]);
            var placed = raw ? JsonValue.Create("__spoiled__") : JsonNode.Parse(JsonValueOf(value));
            if (parent is JsonObject target)
            {
                target[key] = placed;
            }
            else
            {
                parent!.AsArray()[int.Parse(key)] = placed;
            }

            return raw ? copy.ToJsonString().Replace(Marker, (string)value!) : copy.ToJsonString();
        }

        private static string JsonValueOf(object? value) => value switch
        {
            null => "null",
            JsonNode node => node.ToJsonString(),
            string text when text.StartsWith('[') => text,
            string text => JsonValue.Create(text).ToJsonString(),
            _ => JsonValue.Create(value)!.ToJsonString(),
        };

        private static string WithoutARequiredField(JsonNode body, Random random)
        {
            var copy = body.DeepClone();
            var slots = Slots(copy).Where(s => Navigate(copy, s.ParentPath) is JsonObject).ToList();
            if (slots.Count == 0)
            {
                return "{}";
            }

            var (parentPath, key) = Pick(random, slots.ToArray());
            ((JsonObject)Navigate(copy, parentPath)!).Remove(key);
            return copy.ToJsonString();
        }

        private static string WithUnknownField(JsonNode body, Random random)
        {
            var copy = body.DeepClone();
            var objects = Slots(copy).Select(s => Navigate(copy, s.ParentPath)).OfType<JsonObject>().Prepend(copy as JsonObject).OfType<JsonObject>().ToList();
            if (objects.Count == 0)
            {
                return copy.ToJsonString();
            }

            Pick(random, objects.ToArray())[$"unexpected{random.Next(1000)}"] = Pick(random, WrongValues)?.DeepClone();
            return copy.ToJsonString();
        }

        /// <summary>Every place a value sits: the path to its parent (indexes and names) and its key there.</summary>
        private static IEnumerable<(string[] ParentPath, string Key)> Slots(JsonNode? node, string[]? path = null)
        {
            path ??= [];
            var children = node switch
            {
                JsonObject o => o.Select(p => (p.Key, p.Value)).ToList(),
                JsonArray a => a.Select((v, i) => (i.ToString(), v)).ToList(),
                _ => [],
            };
            foreach (var (key, child) in children)
            {
                yield return (path, key);
                foreach (var slot in Slots(child, [.. path, key]))
                {
                    yield return slot;
                }
            }
        }

        private static JsonNode? Navigate(JsonNode? node, string[] path) =>
            path.Aggregate(node, (current, key) => current is JsonArray array ? array[int.Parse(key)] : current![key]);

        private static string DeepNesting(int depth) => new string('[', depth) + new string(']', depth);

        private static ByteArrayContent InvalidUtf8(string json, Random random)
        {
            var bytes = Encoding.UTF8.GetBytes(json).ToList();
            var at = bytes.IndexOf((byte)'"') is var quote and >= 0 ? quote + 1 : 0;
            bytes.InsertRange(at, Pick(random, new byte[][] { [0xFF], [0xC3, 0x28], [0xE2, 0x82], [0xF0, 0x28, 0x8C, 0x28], [0xED, 0xA0, 0x80] }));
            var content = new ByteArrayContent([.. bytes]);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            return content;
        }

        private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

        private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
    }
}

public sealed class SqliteGeneratedBadInputTests(SqliteApiFactory factory, ITestOutputHelper output) : GeneratedBadInputTests<SqliteApiFactory>(factory, output);

public sealed class PostgresGeneratedBadInputTests(PostgresApiFactory factory, ITestOutputHelper output) : GeneratedBadInputTests<PostgresApiFactory>(factory, output);
