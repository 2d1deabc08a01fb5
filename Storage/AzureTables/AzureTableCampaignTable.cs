namespace Beacon.Storage.AzureTables;

/// <summary>
/// The table of campaigns and manager grants, <c>{prefix}Campaigns</c>, created on first use.
/// <code>
///   PartitionKey = esc(tenantId)   RowKey = "campaign|" + esc(campaignId)   campaign (ETag concurrency)
///   PartitionKey = esc(tenantId)   RowKey = "grant|" + esc(learnerId)       manager grant (AddEntity: the first grant stays)
///   PartitionKey = esc(tenantId)   RowKey = "safeguarding|route"            the safeguarding route set in chat (upsert)
/// </code>
/// A manager's list is one partition range query; delivery scans the campaign rows of all
/// partitions, filtered on <c>Status</c> (campaigns are few). A campaign's audience is JSON split
/// over properties of at most 30,000 characters (an entity holds at most 1 MB, see
/// <see cref="Training.Campaigns.Campaign.MaxAudience"/>).
/// </summary>
public sealed class AzureTableCampaignTable(AzureTableStorage storage) : AzureTableOwnTable(storage, "Campaigns")
{
    internal const string CampaignPrefix = "campaign|";
    internal const string GrantPrefix = "grant|";
    internal const string SafeguardingPrefix = "safeguarding|";
    internal const string SafeguardingRow = SafeguardingPrefix + "route";

    internal static string CampaignRow(string campaignId) => CampaignPrefix + TableKeys.Escape(campaignId);

    internal static string GrantRow(string learnerId) => GrantPrefix + TableKeys.Escape(learnerId);

    /// <summary>The filter of one kind of row ("campaign|", "grant|", "safeguarding|"), optionally in one tenant's partition.</summary>
    internal static string RangeFilter(string prefix, string? tenantId)
    {
        var range = Azure.Data.Tables.TableClient.CreateQueryFilter($"RowKey ge {prefix} and RowKey lt {TableKeys.PrefixEnd(prefix)}");
        return tenantId is null
            ? range
            : Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Tenant(tenantId)}") + " and " + range;
    }
}
