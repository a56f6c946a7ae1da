using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace L2R.Api.Infrastructure.Web;

/// <summary>
/// On an answer DTO: every property is written in every answer (null where it has no value, as the JSON options say),
/// so its schema marks them all required and the generated client types them without optional markers.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class WrittenInFullAttribute : Attribute;

public sealed class WrittenInFullFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is OpenApiSchema { Properties: { Count: > 0 } properties } concrete
            && context.Type.IsDefined(typeof(WrittenInFullAttribute), inherit: false))
        {
            concrete.Required = new SortedSet<string>(properties.Keys, StringComparer.Ordinal);
        }
    }
}
