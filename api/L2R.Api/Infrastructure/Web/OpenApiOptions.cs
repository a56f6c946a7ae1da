namespace L2R.Api.Infrastructure.Web;

public sealed class OpenApiOptions
{
    public const string Section = "OpenApi";

    /// <summary>Serve Swagger UI and the document it reads at /swagger; unset means only in Development.</summary>
    public bool? SwaggerUi { get; set; }

    public bool ServesSwaggerUi(IHostEnvironment environment) => SwaggerUi ?? environment.IsDevelopment();
}
