namespace Beacon.Training.Ports;

using Beacon.Training.Reporting;

/// <summary>
/// Safeguarding routes set in chat, one per tenant. Guidance never waits on this store: the
/// directory keeps the routes in memory and falls back to configuration.
/// </summary>
public interface ISafeguardingRouteStore
{
    Task<SafeguardingRoute?> GetAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Every tenant's route (a few hundred at most), for the in-memory directory.</summary>
    Task<IReadOnlyList<SafeguardingRoute>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Creates or replaces the tenant's route.</summary>
    Task SaveAsync(SafeguardingRoute route, CancellationToken cancellationToken);

    /// <summary>True when a route was removed (the tenant falls back to configuration).</summary>
    Task<bool> RemoveAsync(string tenantId, CancellationToken cancellationToken);
}
