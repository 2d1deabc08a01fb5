namespace Beacon.Dialogs.Reporting;

using System.Collections.Frozen;
using Beacon.Training.Ports;
using Beacon.Training.Reporting;
using Microsoft.Extensions.Logging;

/// <summary>
/// The safeguarding routes managers set in chat, held in memory so that guidance never waits on
/// the store (and still works while it is down). Loaded at start-up and refreshed now and then
/// (other instances' changes arrive that way); this instance's own changes apply at once.
/// </summary>
public sealed class StoredSafeguardingRoutes(ISafeguardingRouteStore store, ILogger<StoredSafeguardingRoutes> logger)
{
    private readonly Lock gate = new();
    private FrozenDictionary<string, SafeguardingRoute> routes = FrozenDictionary<string, SafeguardingRoute>.Empty;

    // Bumped by this instance's own changes: a load that started before one is older than it.
    private long changes;

    /// <summary>The tenant's route set in chat, if any.</summary>
    public SafeguardingRoute? Find(string tenantId) =>
        Volatile.Read(ref routes).TryGetValue(tenantId, out var route) ? route : null;

    /// <summary>Reloads every tenant's route; false (keeping the ones it has) on a store outage or when a change made here overtook the load.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        var changesBefore = Interlocked.Read(ref changes);
        IReadOnlyList<SafeguardingRoute> loaded;
        try
        {
            loaded = await store.ListAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (StoreUnavailableException ex)
        {
            logger.LogWarning(ex, "Safeguarding routes not refreshed: store unavailable; keeping the {Count} known", Volatile.Read(ref routes).Count);
            return false;
        }

        lock (gate)
        {
            if (Interlocked.Read(ref changes) != changesBefore)
            {
                // A change made here meanwhile is newer than what was read; the next refresh catches up.
                return false;
            }

            Volatile.Write(ref routes, loaded.ToFrozenDictionary(r => r.TenantId, StringComparer.Ordinal));
        }

        return true;
    }

    /// <summary>A route this instance has just saved.</summary>
    public void Remember(SafeguardingRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        lock (gate)
        {
            Interlocked.Increment(ref changes);
            var next = new Dictionary<string, SafeguardingRoute>(Volatile.Read(ref routes), StringComparer.Ordinal) { [route.TenantId] = route };
            Volatile.Write(ref routes, next.ToFrozenDictionary(StringComparer.Ordinal));
        }
    }

    /// <summary>A route this instance has just removed.</summary>
    public void Forget(string tenantId)
    {
        lock (gate)
        {
            Interlocked.Increment(ref changes);
            var next = new Dictionary<string, SafeguardingRoute>(Volatile.Read(ref routes), StringComparer.Ordinal);
            next.Remove(tenantId);
            Volatile.Write(ref routes, next.ToFrozenDictionary(StringComparer.Ordinal));
        }
    }
}
