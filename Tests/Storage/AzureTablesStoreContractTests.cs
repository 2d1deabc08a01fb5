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
                storage.Dispose();
            }) { Handoffs = new AzureTableHandoffLog(storage) };
    }
}
