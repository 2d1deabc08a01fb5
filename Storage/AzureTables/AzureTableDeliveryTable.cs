namespace Beacon.Storage.AzureTables;

/// <summary>
/// The table of scheduled delivery, <c>{prefix}Delivery</c>, created on first use.
/// <code>
///   PartitionKey = esc(tenantId) + "|" + esc(learnerId)   RowKey = "claim|" + yyyy-MM-dd   session claim (AddEntity: add if absent)
///                                                         RowKey = "nudge|" + yyyy-MM-dd   reminder claim (AddEntity: add if absent)
///   PartitionKey = "schedule"                             RowKey = esc(tenantId) + "|" + esc(learnerId)   personal schedule (ETag)
/// </code>
/// Schedules are few writes and one partition scan per delivery tick; claims spread over one
/// partition per learner. (Campaigns have their own table: <see cref="AzureTableCampaignTable"/>.)
/// </summary>
public sealed class AzureTableDeliveryTable(AzureTableStorage storage) : AzureTableOwnTable(storage, "Delivery")
{
    internal const string SchedulePartition = "schedule";
    internal const string ClaimPrefix = "claim|";
    internal const string NudgePrefix = "nudge|";
    internal const string AnnouncementPrefix = "announce|";

    internal static string LearnerRow(string tenantId, string id) => TableKeys.Escape(tenantId) + "|" + TableKeys.Escape(id);
}
