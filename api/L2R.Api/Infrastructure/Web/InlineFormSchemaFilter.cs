using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace L2R.Api.Infrastructure.Web;

/// <summary>
/// Writes a multipart form's fields into the operation instead of a reference to a schema: NSwag then sees the file
/// field, and the client it generates declares the <c>FileParameter</c> type that the upload method takes.
/// </summary>
public sealed class InlineFormSchemaFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.RequestBody?.Content is { } content
            && content.TryGetValue("multipart/form-data", out var form)
            && form.Schema is OpenApiSchemaReference { Reference.Id: { } id }
            && context.SchemaRepository.Schemas.TryGetValue(id, out var schema))
        {
            content["multipart/form-data"] = new OpenApiMediaType { Schema = schema, Encoding = form.Encoding };
        }
    }
}
