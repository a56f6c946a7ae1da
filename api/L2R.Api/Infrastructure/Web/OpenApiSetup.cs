using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Agreements;
using Microsoft.OpenApi;

namespace L2R.Api.Infrastructure.Web;

public static class OpenApiSetup
{
    public static IServiceCollection AddL2ROpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo { Title = "L2R API", Version = "v1", Description = "Lead-to-revenue: the lead agreement, executable." });
            options.UseOneOfForPolymorphism();
            // Polymorphism is for the API's own hierarchies (criteria); a Stream's subclasses would turn a CSV
            // download into a oneOf that no client generator understands.
            options.SelectSubTypesUsing(type => type.Assembly == typeof(Criterion).Assembly
                ? type.Assembly.GetTypes().Where(subType => subType.IsSubclassOf(type))
                : []);
            options.UseAllOfForInheritance();
            options.SelectDiscriminatorNameUsing(type => type == typeof(Criterion) || type == typeof(L2R.Domain.Reviews.AgreementAmendment) ? "kind" : null);
            options.SupportNonNullableReferenceTypes();
            options.CustomSchemaIds(type => type.Name);

            // A streamed file (CSV exports): one binary string, not a oneOf of every Stream subclass.
            options.MapType<Stream>(() => new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" });
            options.OperationFilter<CsvAlternativeFilter>();
            options.OperationFilter<InlineFormSchemaFilter>();
            options.SchemaFilter<WrittenInFullFilter>();
            options.AddSecurityDefinition("Bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "An access token from POST /api/auth/login.",
            });
            options.AddSecurityRequirement(document => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
            options.AddSecurityDefinition("ClientCredentials", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.OAuth2,
                Description = "An API client's token (OAuth2 client credentials); each operation names the scope it needs in its 403. See docs/integrators.md.",
                Flows = new OpenApiOAuthFlows
                {
                    ClientCredentials = new OpenApiOAuthFlow
                    {
                        TokenUrl = new Uri(ClientCredentialsSetup.TokenPath, UriKind.Relative),
                        Scopes = ApiScopes.Descriptions.ToDictionary(),
                    },
                },
            });
            options.AddSecurityRequirement(document => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("ClientCredentials", document)] = [] });
            options.NonNullableReferenceTypesAsRequired();
            options.SchemaFilter<NonNullableValueTypesRequired>();
            options.OperationFilter<IdempotencyKeyParameter>();
            options.OperationFilter<ProblemResponses>();
            options.OperationFilter<RequestExamples>();
        });
        return services;
    }
}

/// <summary>Declares the optional Idempotency-Key header on the endpoints that honour it.</summary>
internal sealed class IdempotencyKeyParameter : Swashbuckle.AspNetCore.SwaggerGen.IOperationFilter
{
    public void Apply(OpenApiOperation operation, Swashbuckle.AspNetCore.SwaggerGen.OperationFilterContext context)
    {
        if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IdempotentEndpoint>().Any())
        {
            return;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = Idempotency.Header,
            In = ParameterLocation.Header,
            Required = false,
            Description = "Optional. The same key and request within 24 hours get the stored response again and write nothing; the same key with another request is 422; while the first is in flight, 409.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = IdempotencyLimits.MaxKeyLength },
        });
    }
}
