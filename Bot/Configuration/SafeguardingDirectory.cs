namespace Beacon.Bot.Configuration;

using Beacon.Dialogs.Reporting;

/// <summary>
/// The safeguarding route guidance uses: the one a manager set in chat for the tenant, else the
/// configured one. Both are in memory: no store call.
/// </summary>
public sealed class SafeguardingDirectory(StoredSafeguardingRoutes stored, ConfiguredSafeguardingDirectory configured) : ISafeguardingDirectory
{
    public SafeguardingContact? Find(string tenantId) =>
        stored.Find(tenantId) is { } route ? SafeguardingContact.From(route) : configured.Find(tenantId);

    public SafeguardingContact? FindConfigured(string tenantId) => configured.Find(tenantId);
}
