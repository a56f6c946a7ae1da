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
            options.SelectDiscriminatorNameUsing(type => type == typeof(Criterion) ? "kind" : null);
            options.SupportNonNullableReferenceTypes();
            options.CustomSchemaIds(type => type.Name);

            // A streamed file (CSV exports): one binary string, not a oneOf of every Stream subclass.
            options.MapType<Stream>(() => new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" });
            options.OperationFilter<CsvAlternativeFilter>();
            options.SchemaFilter<WrittenInFullFilter>();
            options.AddSecurityDefinition("Bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "An access token from POST /api/auth/login.",
            });
            options.AddSecurityRequirement(document => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
        });
        return services;
    }
}
