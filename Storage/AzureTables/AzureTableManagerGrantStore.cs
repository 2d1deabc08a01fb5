namespace Beacon.Storage.AzureTables;

using Azure;
using Azure.Data.Tables;
using Beacon.Training.Campaigns;
using Beacon.Training.Ports;

/// <summary>Manager grants in <c>{prefix}Campaigns</c> (see <see cref="AzureTableCampaignTable"/>): AddEntity keeps the first grant.</summary>
public sealed class AzureTableManagerGrantStore(AzureTableCampaignTable table) : IManagerGrantStore
{
    public Task<bool> IsGrantedAsync(string tenantId, string learnerId, CancellationToken cancellationToken) =>
        table.RunAsync(
            async ct =>
            {
                var response = await table.Table
                    .GetEntityIfExistsAsync<TableEntity>(TableKeys.Tenant(tenantId), AzureTableCampaignTable.GrantRow(learnerId), ["PartitionKey"], ct)
                    .ConfigureAwait(false);
                return response.HasValue;
            },
            cancellationToken);

    public Task GrantAsync(ManagerGrant grant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var entity = Write(grant);
        return table.RunAsync(
            async ct =>
            {
                try
                {
                    await table.Table.AddEntityAsync(entity, ct).ConfigureAwait(false);
                }
                catch (RequestFailedException ex) when (ex.Status == 409)
                {
                    // Granted already: the first grant stays.
                }

                return true;
            },
            cancellationToken);
    }

    public Task<bool> RevokeAsync(string tenantId, string learnerId, CancellationToken cancellationToken) =>
        table.RunAsync(
            async ct =>
            {
                var response = await table.Table
                    .DeleteEntityAsync(TableKeys.Tenant(tenantId), AzureTableCampaignTable.GrantRow(learnerId), ETag.All, ct)
                    .ConfigureAwait(false);
                return response.Status != 404;
            },
            cancellationToken);

    public async Task<IReadOnlyList<ManagerGrant>> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        await table.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var grants = new List<ManagerGrant>();
        var filter = AzureTableCampaignTable.RangeFilter(AzureTableCampaignTable.GrantPrefix, tenantId);
        await foreach (var entity in AzureTableStorage.QueryPagesAsync(table.Table, filter, table.Storage.ListPageSize, cancellationToken).ConfigureAwait(false))
        {
            grants.Add(Read(entity));
        }

        return [.. grants.OrderBy(g => g.GrantedAt).ThenBy(g => g.LearnerId, StringComparer.Ordinal)];
    }

    internal static TableEntity Write(ManagerGrant grant)
    {
        var entity = new TableEntity(TableKeys.Tenant(grant.TenantId), AzureTableCampaignTable.GrantRow(grant.LearnerId))
        {
            ["TenantId"] = grant.TenantId,
            ["LearnerId"] = grant.LearnerId,
            ["GrantedBy"] = grant.GrantedBy,
            ["GrantedAt"] = StoredTime.Format(grant.GrantedAt),
        };
        if (grant.DisplayName is { } name)
        {
            entity["DisplayName"] = name;
        }

        return entity;
    }

    internal static ManagerGrant Read(TableEntity entity) => new(
        AzureTableLearnerStore.Required(entity, "TenantId"),
        AzureTableLearnerStore.Required(entity, "LearnerId"),
        entity.GetString("DisplayName"),
        AzureTableLearnerStore.Required(entity, "GrantedBy"),
        StoredTime.Parse(AzureTableLearnerStore.Required(entity, "GrantedAt")));
}
