using System.Text.Json.Nodes;
using L2R.Api.Tests.Infrastructure;

namespace L2R.Api.Tests;

/// <summary>The committed OpenAPI document (the build writes it; scripts/test.sh fails when it is stale) is a contract clients can trust.</summary>
public class OpenApiContractTests
{
    private static readonly JsonObject Document = OpenApiDocument.Load();

    public static TheoryData<string> Operations()
    {
        var data = new TheoryData<string>();
        foreach (var (path, item) in Document["paths"]!.AsObject())
        {
            foreach (var (method, _) in item!.AsObject())
            {
                data.Add($"{method.ToUpperInvariant()} {path}");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void EveryOperation_DeclaresA4xxProblem_AndHasAnId(string operation)
    {
        var (method, path) = (operation.Split(' ')[0].ToLowerInvariant(), operation.Split(' ')[1]);
        var definition = Document["paths"]![path]![method]!;

        Assert.False(string.IsNullOrEmpty(definition["operationId"]?.GetValue<string>()));
        var problems = definition["responses"]!.AsObject().Where(r => r.Key.StartsWith('4')).ToList();
        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.NotNull(p.Value!["content"]!["application/problem+json"]));
    }

    [Theory]
    [InlineData("LeadDto", new[] { "id", "state", "version", "name", "fitScore", "totalScore", "customFields", "createdAt" })]
    [InlineData("HistoryEntryDto", new[] { "id", "kind", "to", "actorKind", "actorName", "agreementVersion", "criteria" })]
    [InlineData("EventDto", new[] { "id", "type", "timestamp", "position", "data" })]
    [InlineData("ApiClientDto", new[] { "id", "clientId", "name", "scopes", "isActive", "secrets" })]
    [InlineData("CreateClientCommand", new[] { "name", "scopes" })]
    [InlineData("GuardUnmetProblemDetails", new[] { "criteria" })]
    public void Schemas_MarkTheirAlwaysPresentPropertiesRequired(string schema, string[] required)
    {
        var marked = Document["components"]!["schemas"]![schema]!["required"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();

        Assert.All(required, name => Assert.Contains(name, marked));
    }

    [Fact]
    public void MostSchemas_MarkRequiredProperties()
    {
        var schemas = Document["components"]!["schemas"]!.AsObject().Where(s => s.Value!["properties"] is not null).ToList();

        Assert.True(schemas.Count(s => s.Value!["required"] is not null) > schemas.Count * 3 / 4);
    }

    [Fact]
    public void FireTrigger_Declares422WithTheUnmetCriteria_And412()
    {
        var responses = Document["paths"]!["/api/leads/{id}/transitions"]!["post"]!["responses"]!;

        Assert.EndsWith("GuardUnmetProblemDetails", responses["422"]!["content"]!["application/problem+json"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.NotNull(responses["412"]);
    }

    [Theory]
    [InlineData("/api/leads", "email")]
    [InlineData("/api/leads/upsert", "email")]
    [InlineData("/api/activities", "items")]
    [InlineData("/api/clients", "scopes")]
    [InlineData("/api/webhooks", "url")]
    public void TheMainRequests_HaveExamples(string path, string property) =>
        Assert.NotNull(Document["paths"]![path]!["post"]!["requestBody"]!["content"]!["application/json"]!["example"]![property]);

    [Fact]
    public void SecuritySchemes_AreBearerAndClientCredentials()
    {
        var schemes = Document["components"]!["securitySchemes"]!;

        Assert.Equal("bearer", schemes["Bearer"]!["scheme"]!.GetValue<string>());
        var flow = schemes["ClientCredentials"]!["flows"]!["clientCredentials"]!;
        Assert.Equal("/connect/token", flow["tokenUrl"]!.GetValue<string>());
        Assert.Equal(6, flow["scopes"]!.AsObject().Count);
    }
}
