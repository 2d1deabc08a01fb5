namespace Beacon.Tests.Storage;

using Beacon.Storage.Sqlite;

/// <summary>The store contract on SQLite: a new database file in a temp directory per test, deleted after.</summary>
public sealed class SqliteStoreContractTests : StoreContractTests
{
    protected override Task<StoreSet> CreateStoresAsync()
    {
        var directory = new TempDirectory();
        var database = new SqliteDatabase(new SqliteStoreOptions
        {
            Path = directory.Combine("data", "beacon.db"),
            ListPageSize = ListPageSize,
        });
        return Task.FromResult(new StoreSet(
            new SqliteLearnerStore(database),
            new SqliteAnswerStore(database),
            new SqliteReviewStore(database),
            new SqliteStoreHealth(database),
            new SqliteStoreTransfer(database),
            new SqliteStoreTransfer(database),
            () =>
            {
                database.Dispose();
                directory.Dispose();
                return ValueTask.CompletedTask;
            })
        {
            Handoffs = new SqliteHandoffLog(database),
            Schedules = new SqliteScheduleStore(database),
            Campaigns = new SqliteCampaignStore(database),
            Grants = new SqliteManagerGrantStore(database),
            Claims = new SqliteDeliveryClaimStore(database),
        });
    }
}
