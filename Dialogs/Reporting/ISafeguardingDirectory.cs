namespace Beacon.Dialogs.Reporting;

/// <summary>Per-tenant safeguarding routes. Implementations must not need the store: guidance works when it is down.</summary>
public interface ISafeguardingDirectory
{
    /// <summary>The route guidance shows for the tenant: the one set in chat, else the configured one.</summary>
    SafeguardingContact? Find(string tenantId);

    /// <summary>The configured route alone: what guidance shows once a route set in chat is removed.</summary>
    SafeguardingContact? FindConfigured(string tenantId) => Find(tenantId);
}
