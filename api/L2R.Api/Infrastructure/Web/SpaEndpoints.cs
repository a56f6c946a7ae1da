namespace L2R.Api.Infrastructure.Web;

public static class SpaEndpoints
{
    /// <summary>
    /// The SPA answers any other path with index.html, but never under /api, /swagger or /health: an unknown API
    /// route stays a JSON 404 rather than a page of HTML.
    /// </summary>
    public static void MapSpaFallback(this WebApplication app)
    {
        foreach (var prefix in new[] { "/api", "/swagger", "/health" })
        {
            app.Map(prefix + "/{**rest}", () => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "No such endpoint."))
                .ExcludeFromDescription();
        }

        app.MapFallbackToFile("index.html");
    }
}
