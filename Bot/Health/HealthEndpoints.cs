namespace Beacon.Bot.Health;

using Beacon.Training.Ports;

public static class HealthEndpoints
{
    /// <summary>GET /healthz: the process is up. GET /readyz: the store answers.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => Results.Text("ok"));
        endpoints.MapGet("/readyz", async (IStoreHealth store, CancellationToken cancellationToken) =>
            await store.IsReachableAsync(cancellationToken).ConfigureAwait(false)
                ? Results.Text("ready")
                : Results.Text("store unreachable", statusCode: StatusCodes.Status503ServiceUnavailable));
        return endpoints;
    }
}
