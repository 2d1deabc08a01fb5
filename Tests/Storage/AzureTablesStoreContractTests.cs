namespace Beacon.Tests.Storage;

using Beacon.Storage.AzureTables;

/// <summary>The store contract on Azure Table Storage (Azurite): fresh tables (a new prefix) per test, deleted after.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class AzureTablesStoreContractTests(AzuriteFixture azurite) : StoreContractTests
{
    protected override async Task<StoreSet> CreateStoresAsync()
    {
        var storage = new AzureTableStorage(new AzureTableStoreOptions
        {
            ConnectionString = azurite.ConnectionString,
            TablePrefix = "t" + Guid.NewGuid().ToString("N")[..20],
            ListPageSize = ListPageSize,
        });
        await storage.EnsureCreatedAsync(CancellationToken.None);
        var transfer = new AzureTableStoreTransfer(storage);
        var delivery = new AzureTableDeliveryTable(storage);
        var campaigns = new AzureTableCampaignTable(storage);
        return new StoreSet(
            new AzureTableLearnerStore(storage),
            new AzureTableAnswerStore(storage),
            new AzureTableReviewStore(storage),
            new AzureTableStoreHealth(storage),
            transfer,
            transfer,
            async () =>
            {
                await storage.DeleteTablesAsync(CancellationToken.None);
                await delivery.Table.DeleteAsync(CancellationToken.None);
                await campaigns.Table.DeleteAsync(CancellationToken.None);
                transfer.Dispose();
                delivery.Dispose();
                campaigns.Dispose();
                storage.Dispose();
            })
        {
            Handoffs = new AzureTableHandoffLog(storage),
            Schedules = new AzureTableScheduleStore(delivery),
            Campaigns = new AzureTableCampaignStore(campaigns),
            Grants = new AzureTableManagerGrantStore(campaigns),
            Claims = new AzureTableDeliveryClaimStore(delivery),
        };
    }
}
