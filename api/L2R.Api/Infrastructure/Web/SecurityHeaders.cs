namespace L2R.Api.Infrastructure.Web;

/// <summary>
/// The headers a reviewer checks first. The SPA's pages get a Content-Security-Policy that allows only the app's own
/// scripts: styles may be inline because Angular's component styles, Mermaid's diagrams and ECharts' SVG set them at
/// run time, and the build does not inline critical CSS behind an <c>onload</c> handler (angular.json), which this
/// policy would block. API answers are data, never a page: nothing may load or frame them. Swagger UI (local and
/// Development only) runs inline scripts and keeps its own page without a policy.
/// </summary>
public static class SecurityHeaders
{
    public const string SpaPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    /// <summary>A year, as browsers' preload lists ask; sent outside Development only, so a local http run is not pinned to https.</summary>
    public const string StrictTransport = "max-age=31536000; includeSubDomains";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, IHostEnvironment environment) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                var path = context.Request.Path;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers.XFrameOptions = "DENY";
                if (!environment.IsDevelopment())
                {
                    headers.StrictTransportSecurity = StrictTransport;
                }

                if (path.StartsWithSegments("/swagger", StringComparison.OrdinalIgnoreCase))
                {
                    return Task.CompletedTask;
                }

                headers.ContentSecurityPolicy = path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                    || path.StartsWithSegments("/connect", StringComparison.OrdinalIgnoreCase)
                    || path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
                        ? ApiPolicy
                        : SpaPolicy;
                return Task.CompletedTask;
            });
            return next(context);
        });
}
