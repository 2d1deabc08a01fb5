namespace Beacon.Storage.AzureTables;

using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Beacon.Training.Ports;
using Beacon.Training.Reporting;

/// <summary>
/// Handoff audit entities in <c>{prefix}Handoffs</c>: PartitionKey = tenant, RowKey = UTC ticks
/// (fixed width, so rows sort by time) + handoff id. Who, when, to whom; never the text.
/// </summary>
public sealed class AzureTableHandoffLog(AzureTableStorage storage) : IHandoffLog
{
    private const char Separator = '\n';

    public Task RecordAsync(HandoffRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var entity = new TableEntity(TableKeys.Tenant(record.TenantId), RowKey(record))
        {
            ["TenantId"] = record.TenantId,
            ["HandoffId"] = record.HandoffId,
            ["FromUserId"] = record.FromUserId,
            ["At"] = StoredTime.Format(record.At),
            ["ToUserIds"] = string.Join(Separator, record.ToUserIds),
        };
        return storage.RunAsync(
            async ct =>
            {
                try
                {
                    await storage.Handoffs.AddEntityAsync(entity, ct).ConfigureAwait(false);
                }
                catch (RequestFailedException ex) when (ex.Status == 409)
                {
                    // Recorded already: a retry is a no-op.
                }

                return true;
            },
            cancellationToken);
    }

    public Task<HandoffRecord?> FindAsync(string tenantId, string handoffId, CancellationToken cancellationToken) =>
        storage.RunAsync(
            async ct =>
            {
                // The row key starts with the time, so the id is found by a filter within the tenant's partition.
                var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Tenant(tenantId)} and HandoffId eq {handoffId}");
                await foreach (var entity in storage.Handoffs.QueryAsync<TableEntity>(filter, maxPerPage: 1, cancellationToken: ct).ConfigureAwait(false))
                {
                    return Read(tenantId, entity);
                }

                return (HandoffRecord?)null;
            },
            cancellationToken);

    public Task<int> CountFromAsync(string tenantId, string fromUserId, DateTimeOffset since, CancellationToken cancellationToken) =>
        storage.RunAsync(
            async ct =>
            {
                // Row keys start with the UTC ticks, so the time bound is a key range within the tenant's partition.
                var from = since.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
                var filter = TableClient.CreateQueryFilter(
                    $"PartitionKey eq {TableKeys.Tenant(tenantId)} and RowKey ge {from} and FromUserId eq {fromUserId}");
                var count = 0;
                await foreach (var entity in storage.Handoffs.QueryAsync<TableEntity>(filter, storage.ListPageSize, ["PartitionKey"], ct).ConfigureAwait(false))
                {
                    count++;
                }

                return count;
            },
            cancellationToken);

    public Task<IReadOnlyList<HandoffRecord>> ListAsync(string tenantId, CancellationToken cancellationToken) =>
        storage.RunAsync<IReadOnlyList<HandoffRecord>>(
            async ct =>
            {
                var records = new List<HandoffRecord>();
                var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Tenant(tenantId)}");
                await foreach (var entity in storage.Handoffs.QueryAsync<TableEntity>(filter, maxPerPage: storage.ListPageSize, cancellationToken: ct).ConfigureAwait(false))
                {
                    records.Add(Read(tenantId, entity));
                }

                return records;
            },
            cancellationToken);

    private static HandoffRecord Read(string tenantId, TableEntity entity) => new(
        tenantId,
        AzureTableLearnerStore.Required(entity, "HandoffId"),
        AzureTableLearnerStore.Required(entity, "FromUserId"),
        StoredTime.Parse(AzureTableLearnerStore.Required(entity, "At")),
        AzureTableLearnerStore.Required(entity, "ToUserIds").Split(Separator, StringSplitOptions.RemoveEmptyEntries));

    private static string RowKey(HandoffRecord record) =>
        record.At.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "|" + TableKeys.Escape(record.HandoffId);
}
