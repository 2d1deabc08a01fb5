namespace Beacon.Bot.Campaigns;

/// <summary>
/// Configuration section "Campaigns" as far as reports go: the CSV link key and lifetime, and
/// which tenants allow managers to see individual results
/// (<c>Campaigns__Tenants__{tenantId}__ShowIndividualResults</c>, default false).
/// </summary>
public sealed class CampaignReportOptions
{
    public const string Section = "Campaigns";

    public const int MinimumKeyLength = 32;

    public static readonly TimeSpan DefaultLinkLifetime = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The HMAC-SHA256 key for CSV links, at least <see cref="MinimumKeyLength"/> characters. Unset:
    /// a random key per process, so links stop working on restart and on other instances.
    /// </summary>
    public string? ExportSigningKey { get; set; }

    public TimeSpan ExportLinkLifetime { get; set; } = DefaultLinkLifetime;

    public Dictionary<string, CampaignTenantOptions> Tenants { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public bool ShowsIndividualResults(string tenantId) =>
        Tenants.TryGetValue(tenantId, out var tenant) && tenant.ShowIndividualResults;
}

public sealed class CampaignTenantOptions
{
    /// <summary>Whether managers may download per-person results (the CSV's learner section).</summary>
    public bool ShowIndividualResults { get; set; }
}
