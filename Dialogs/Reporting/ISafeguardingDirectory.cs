namespace Beacon.Dialogs.Reporting;

/// <summary>Per-tenant safeguarding routes. Implementations must not need the store: guidance works when it is down.</summary>
public interface ISafeguardingDirectory
{
    SafeguardingContact? Find(string tenantId);
}
