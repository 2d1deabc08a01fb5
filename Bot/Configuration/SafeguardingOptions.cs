namespace Beacon.Bot.Configuration;

using Beacon.Dialogs.Reporting;

/// <summary>
/// Configuration section "Safeguarding": a default route and per-tenant routes keyed by tenant id,
/// e.g. Safeguarding__Tenants__{tenantId}__Name.
/// </summary>
public sealed class SafeguardingOptions
{
    public const string Section = "Safeguarding";

    public SafeguardingEntry? Default { get; set; }

    public Dictionary<string, SafeguardingEntry> Tenants { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed class SafeguardingEntry
{
    public string? Name { get; set; }

    public string? HowToReach { get; set; }

    public Uri? ProcedureUrl { get; set; }

    public string? DefaultRegion { get; set; }

    /// <summary>Teams user ids (or Entra object ids) of the contacts who receive handoffs in Teams.</summary>
    public List<string> HandoffUserIds { get; set; } = [];

    public SafeguardingContact? ToContact() =>
        string.IsNullOrWhiteSpace(Name) || string.IsNullOrWhiteSpace(HowToReach)
            ? null
            : new SafeguardingContact
            {
                Name = Name,
                HowToReach = HowToReach,
                ProcedureUrl = ProcedureUrl,
                DefaultRegion = DefaultRegion,
                HandoffUserIds = HandoffUserIds.Where(id => !string.IsNullOrWhiteSpace(id)).ToList(),
            };
}
