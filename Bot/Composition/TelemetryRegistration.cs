namespace Beacon.Bot.Composition;

using Azure.Monitor.OpenTelemetry.Exporter;
using Beacon.Training.Observability;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

/// <summary>
/// OpenTelemetry traces and metrics for Beacon's own source and meter plus ASP.NET Core and
/// outbound HTTP. Exporters by configuration: OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set,
/// Azure Monitor when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set; none otherwise.
/// </summary>
public static class TelemetryRegistration
{
    public static IServiceCollection AddBeaconTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var azureMonitor = configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"];
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("beacon-bot"))
            .WithTracing(tracing =>
            {
                tracing.AddSource(BeaconTelemetry.SourceName).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (otlp)
                {
                    tracing.AddOtlpExporter();
                }

                if (!string.IsNullOrWhiteSpace(azureMonitor))
                {
                    tracing.AddAzureMonitorTraceExporter(options => options.ConnectionString = azureMonitor);
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(BeaconTelemetry.SourceName).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }

                if (!string.IsNullOrWhiteSpace(azureMonitor))
                {
                    metrics.AddAzureMonitorMetricExporter(options => options.ConnectionString = azureMonitor);
                }
            });
        return services;
    }
}
