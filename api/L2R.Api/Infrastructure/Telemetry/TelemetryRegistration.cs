using Azure.Monitor.OpenTelemetry.AspNetCore;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace L2R.Api.Infrastructure.Telemetry;

/// <summary>Where telemetry goes: set <c>Telemetry:Console</c> to print it (local runs).</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    public bool Console { get; set; }
}

public static class TelemetryRegistration
{
    /// <summary>Azure's own variable, which App Service sets from <c>infra/</c>; present, traces, metrics and logs go to Azure Monitor.</summary>
    public const string AzureMonitorVariable = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>
    /// OpenTelemetry always traces requests (so a ProblemDetails' traceId is the trace's id) and meters L2R; it exports
    /// to Azure Monitor when its connection string is set, to the console when asked, and nowhere otherwise.
    /// </summary>
    public static IServiceCollection AddL2RTelemetry(this IServiceCollection services, IConfiguration configuration, TelemetryOptions options)
    {
        services.AddSingleton<L2RMetrics>();
        services.AddSingleton<TransitionMetricsInterceptor>();
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("l2r-api"))
            .WithMetrics(metrics => metrics.AddMeter(L2RMetrics.MeterName));
        if (!string.IsNullOrWhiteSpace(configuration[AzureMonitorVariable]))
        {
            // The distro brings its own ASP.NET Core, HttpClient and SQL instrumentation; adding ours too would trace twice.
            telemetry.UseAzureMonitor(azure => azure.ConnectionString = configuration[AzureMonitorVariable]);
            return services;
        }

        telemetry.WithTracing(tracing => tracing.AddAspNetCoreInstrumentation());
        if (options.Console)
        {
            telemetry.WithTracing(tracing => tracing.AddConsoleExporter()).WithMetrics(metrics => metrics.AddConsoleExporter());
        }

        return services;
    }
}
