using System.Reflection;
using L2R.Domain.Agreements;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace L2R.Api.Infrastructure.Web;

/// <summary>The 422 of a move the agreement does not allow yet: a ProblemDetails with every unmet criterion.</summary>
public sealed class GuardUnmetProblemDetails : ProblemDetails
{
    public required IReadOnlyList<CriterionEvaluation> Criteria { get; init; }
}

/// <summary>
/// Declares the problems every operation can answer, so clients see them in the contract: 400 with field errors, 401
/// and 403 where a token is needed, 404 where the path names a resource, 409 for writes (a conflict, a concurrent
/// change, or an Idempotency-Key still in flight), 422 for a reused Idempotency-Key, 500. Answers an endpoint declares
/// itself (the 412 of If-Match, the 422 with unmet criteria) are kept as declared.
/// </summary>
internal sealed class ProblemResponses : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var api = context.ApiDescription;
        var metadata = api.ActionDescriptor.EndpointMetadata;
        var problem = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository);
        var validation = context.SchemaGenerator.GenerateSchema(typeof(ValidationProblemDetails), context.SchemaRepository);
        var write = api.HttpMethod is "POST" or "PUT" or "PATCH" or "DELETE";
        operation.Responses ??= [];

        Add("400", validation, "The request is malformed or a field is invalid (errors lists each field); nothing was written.");
        if (!metadata.OfType<IAllowAnonymous>().Any())
        {
            Add("401", problem, "No valid access token (missing, expired, revoked, or its user or API client is no longer active).");
            Add("403", problem, "Your role, or the API client's scopes (requiredScope names the missing one), does not allow this.");
        }

        if (api.RelativePath?.Contains('{') == true)
        {
            Add("404", problem, "No such resource in your tenant.");
        }

        if (write)
        {
            Add("409", problem, "Conflicts with the current state, lost to a concurrent change, or a request with the same Idempotency-Key is still running.");
        }

        if (metadata.OfType<IdempotentEndpoint>().Any())
        {
            Add("422", problem, "The Idempotency-Key was already used with a different request.");
        }

        Add("500", problem, "Unexpected; quote the traceId when reporting it.");

        void Add(string status, IOpenApiSchema schema, string description)
        {
            if (operation.Responses.ContainsKey(status))
            {
                return;
            }

            operation.Responses[status] = new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, IOpenApiMediaType> { ["application/problem+json"] = new OpenApiMediaType { Schema = schema } },
            };
        }
    }
}

/// <summary>
/// A property that can never be null (a non-nullable value type; reference types follow the nullable annotations
/// through <c>NonNullableReferenceTypesAsRequired</c>) is always in the JSON, so the contract marks it required and
/// generated clients need no <c>!</c>.
/// </summary>
internal sealed class NonNullableValueTypesRequired : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete || concrete.Properties is not { Count: > 0 } properties)
        {
            return;
        }

        foreach (var property in context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
            if (properties.ContainsKey(name) && property.PropertyType.IsValueType && Nullable.GetUnderlyingType(property.PropertyType) is null)
            {
                concrete.Required ??= new HashSet<string>();
                concrete.Required.Add(name);
            }
        }
    }
}

/// <summary>Endpoint metadata: an example body for the OpenAPI document (see <see cref="RequestExamples"/>).</summary>
public sealed record RequestExample(object Body);

public static class RequestExampleEndpoints
{
    public static TBuilder WithRequestExample<TBuilder>(this TBuilder builder, object body)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequestExample(body));
}

/// <summary>Puts an endpoint's <see cref="RequestExample"/> on its JSON request body, serialised as the API reads it.</summary>
internal sealed class RequestExamples : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<RequestExample>().FirstOrDefault() is not { } example
            || operation.RequestBody?.Content?.TryGetValue("application/json", out var media) != true
            || media is not OpenApiMediaType json)
        {
            return;
        }

        json.Example = System.Text.Json.JsonSerializer.SerializeToNode(example.Body, AgreementJson.Options);
    }
}
