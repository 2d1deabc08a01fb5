namespace Beacon.Bot.Configuration;

using Beacon.Dialogs.Reporting;
using Microsoft.Extensions.Options;

/// <summary>Safeguarding routes from configuration: no store involved.</summary>
public sealed class ConfiguredSafeguardingDirectory(IOptionsMonitor<SafeguardingOptions> options) : ISafeguardingDirectory
{
    public SafeguardingContact? Find(string tenantId)
    {
        var current = options.CurrentValue;
        return current.Tenants.TryGetValue(tenantId, out var entry) && entry.ToContact() is { } contact
            ? contact
            : current.Default?.ToContact();
    }
}
