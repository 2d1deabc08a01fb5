namespace Beacon.Storage.AzureTables;

using Azure.Data.Tables;

/// <summary>
/// The table of scheduled delivery, <c>{prefix}Delivery</c>, created on first use.
/// <code>
///   PartitionKey = esc(tenantId) + "|" + esc(learnerId)   RowKey = "claim|" + yyyy-MM-dd   delivery claim (AddEntity: add if absent)
///   PartitionKey = "schedule"                             RowKey = esc(tenantId) + "|" + esc(learnerId)   personal schedule (ETag)
///   PartitionKey = "campaign"                             RowKey = esc(tenantId) + "|" + esc(campaignId)  campaign slot
/// </code>
/// Schedules and campaigns are few writes and one partition scan per delivery tick; claims spread
/// over one partition per learner.
/// </summary>
public sealed class AzureTableDeliveryTable : IDisposable
{
    internal const string SchedulePartition = "schedule";
    internal const string CampaignPartition = "campaign";
    internal const string ClaimPrefix = "claim|";

    private readonly SemaphoreSlim initLock = new(1, 1);
    private volatile bool initialized;

    public AzureTableDeliveryTable(AzureTableStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        Storage = storage;
        Table = storage.GetTable("Delivery");
    }

    internal AzureTableStorage Storage { get; }

    internal TableClient Table { get; }

    /// <summary>Runs an operation after the table exists, mapping failures to StoreUnavailableException.</summary>
    internal async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return await AzureTableStorage.GuardAsync(operation, cancellationToken).ConfigureAwait(false);
    }

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (initialized)
        {
            return;
        }

        await initLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!initialized)
            {
                await AzureTableStorage.GuardAsync(async ct => await Table.CreateIfNotExistsAsync(ct).ConfigureAwait(false), cancellationToken)
                    .ConfigureAwait(false);
                initialized = true;
            }
        }
        finally
        {
            initLock.Release();
        }
    }

    public void Dispose() => initLock.Dispose();

    internal static string LearnerRow(string tenantId, string id) => TableKeys.Escape(tenantId) + "|" + TableKeys.Escape(id);
}
