namespace L2R.Api.Infrastructure.Web;

public static class SpaFallback
{
    private static readonly PathString[] Reserved = ["/api", "/swagger", "/health", "/hubs"];

    /// <summary>
    /// A GET for a path no endpoint serves and that is not a file gets the SPA's index.html, so deep links work, but
    /// never under /api, /swagger, /health or /hubs: there an unknown path stays a JSON 404 and a wrong method a 405.
    /// Runs after routing and before the static files, which then serve the rewritten path.
    /// </summary>
    public static IApplicationBuilder UseSpaFallback(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var path = context.Request.Path;
            if (HttpMethods.IsGet(context.Request.Method)
                && context.GetEndpoint() is null
                && !Path.HasExtension(path.Value)
                && !Reserved.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase)))
            {
                context.Request.Path = "/index.html";
            }

            return next(context);
        });
}
