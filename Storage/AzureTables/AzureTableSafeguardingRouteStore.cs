namespace Beacon.Storage.AzureTables;

using Azure;
using Azure.Data.Tables;
using Beacon.Training.Ports;
using Beacon.Training.Reporting;

/// <summary>Safeguarding routes set in chat in <c>{prefix}Campaigns</c> (see <see cref="AzureTableCampaignTable"/>): one row per tenant, upserted.</summary>
public sealed class AzureTableSafeguardingRouteStore(AzureTableCampaignTable table) : ISafeguardingRouteStore
{
    public Task<SafeguardingRoute?> GetAsync(string tenantId, CancellationToken cancellationToken) =>
        table.RunAsync(
            async ct =>
            {
                var response = await table.Table
                    .GetEntityIfExistsAsync<TableEntity>(TableKeys.Tenant(tenantId), AzureTableCampaignTable.SafeguardingRow, cancellationToken: ct)
                    .ConfigureAwait(false);
                return response.HasValue ? Read(response.Value!) : null;
            },
            cancellationToken);

    public async Task<IReadOnlyList<SafeguardingRoute>> ListAsync(CancellationToken cancellationToken)
    {
        await table.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var routes = new List<SafeguardingRoute>();
        var filter = AzureTableCampaignTable.RangeFilter(AzureTableCampaignTable.SafeguardingPrefix, null);
        await foreach (var entity in AzureTableStorage.QueryPagesAsync(table.Table, filter, table.Storage.ListPageSize, cancellationToken).ConfigureAwait(false))
        {
            routes.Add(Read(entity));
        }

        return [.. routes.OrderBy(r => r.TenantId, StringComparer.Ordinal)];
    }

    public Task SaveAsync(SafeguardingRoute route, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(route);
        var entity = new TableEntity(TableKeys.Tenant(route.TenantId), AzureTableCampaignTable.SafeguardingRow)
        {
            ["TenantId"] = route.TenantId,
            ["Name"] = route.Name,
            ["HowToReach"] = route.HowToReach,
            ["ProcedureUrl"] = route.ProcedureUrl?.OriginalString,
            ["Recipients"] = StoredRecipients.Format(route.Recipients),
            ["DefaultRegion"] = route.DefaultRegion,
            ["UpdatedBy"] = route.UpdatedBy,
            ["UpdatedAt"] = StoredTime.Format(route.UpdatedAt),
        };
        return table.RunAsync(
            async ct =>
            {
                await table.Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken);
    }

    public Task<bool> RemoveAsync(string tenantId, CancellationToken cancellationToken) =>
        table.RunAsync(
            async ct =>
            {
                var response = await table.Table
                    .DeleteEntityAsync(TableKeys.Tenant(tenantId), AzureTableCampaignTable.SafeguardingRow, ETag.All, ct)
                    .ConfigureAwait(false);
                return response.Status != 404;
            },
            cancellationToken);

    private static SafeguardingRoute Read(TableEntity entity) => new()
    {
        TenantId = AzureTableLearnerStore.Required(entity, "TenantId"),
        Name = AzureTableLearnerStore.Required(entity, "Name"),
        HowToReach = AzureTableLearnerStore.Required(entity, "HowToReach"),
        ProcedureUrl = entity.GetString("ProcedureUrl") is { } url ? new Uri(url, UriKind.RelativeOrAbsolute) : null,
        Recipients = StoredRecipients.Parse(entity.GetString("Recipients")),
        DefaultRegion = entity.GetString("DefaultRegion"),
        UpdatedBy = AzureTableLearnerStore.Required(entity, "UpdatedBy"),
        UpdatedAt = StoredTime.Parse(AzureTableLearnerStore.Required(entity, "UpdatedAt")),
    };
}
