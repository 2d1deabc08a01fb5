namespace Beacon.Tests.Storage;

using System.Text.Json;
using Azure.Data.Tables;
using Beacon.Storage.AzureTables;
using Beacon.Storage.Sqlite;
using Beacon.Tests.Support;
using Beacon.Training.Ports;
using Beacon.Training.Reporting;

/// <summary>One contract for the safeguarding route stores, run on SQLite and on Azure Tables (Azurite). Lists page in threes.</summary>
public abstract class SafeguardingRouteStoreContractTests : IAsyncLifetime
{
    protected const int ListPageSize = 3;

    private static readonly CancellationToken None = CancellationToken.None;

    private (ISafeguardingRouteStore Store, Func<ValueTask> Cleanup)? created;

    private ISafeguardingRouteStore Store => created?.Store ?? throw new InvalidOperationException("Store not created.");

    protected abstract Task<(ISafeguardingRouteStore Store, Func<ValueTask> Cleanup)> CreateStoreAsync();

    /// <summary>A store whose backend cannot be reached (a file that cannot be created, a port nobody listens on).</summary>
    protected abstract (ISafeguardingRouteStore Store, Action Cleanup) CreateUnavailableStore();

    public async Task InitializeAsync() => created = await CreateStoreAsync();

    public async Task DisposeAsync()
    {
        if (created is { } store)
        {
            await store.Cleanup();
        }
    }

    /// <summary>A route with every field set, a tenant id with characters Azure forbids in keys.</summary>
    internal static SafeguardingRoute Sample(string tenant = "tenant/1#a", string name = "Safeguarding team (Sam Patel)") => new()
    {
        TenantId = tenant,
        Name = name,
        HowToReach = "safeguarding@example.org or extension 4410",
        ProcedureUrl = new Uri("https://intranet.example.org/policies/safeguarding?v=3"),
        Recipients =
        [
            new SafeguardingRecipient("11111111-1111-1111-1111-111111111111", "Sam Patel"),
            new SafeguardingRecipient("22222222-2222-2222-2222-222222222222", null),
        ],
        DefaultRegion = "UK",
        UpdatedBy = "33333333-3333-3333-3333-333333333333",
        UpdatedAt = new DateTimeOffset(2026, 11, 28, 9, 30, 0, TimeSpan.FromHours(1)),
    };

    /// <summary>Records with lists compare by reference; compare what is stored instead.</summary>
    internal static string Stored(SafeguardingRoute? route) => JsonSerializer.Serialize(route);

    [Fact]
    public async Task A_route_round_trips_every_field()
    {
        await Store.SaveAsync(Sample(), None);

        var read = await Store.GetAsync("tenant/1#a", None);

        Assert.Equal(Stored(Sample()), Stored(read));
        Assert.Equal(TimeSpan.FromHours(1), read!.UpdatedAt.Offset);
    }

    [Fact]
    public async Task A_route_without_optional_fields_round_trips()
    {
        var bare = Sample() with { ProcedureUrl = null, DefaultRegion = null, Recipients = [] };
        await Store.SaveAsync(bare, None);

        Assert.Equal(Stored(bare), Stored(await Store.GetAsync(bare.TenantId, None)));
    }

    [Fact]
    public async Task Saving_again_replaces_the_tenants_route()
    {
        await Store.SaveAsync(Sample(), None);
        var replaced = Sample(name: "Alex Kim") with { Recipients = [new SafeguardingRecipient("44444444-4444-4444-4444-444444444444", "Alex Kim")], DefaultRegion = null };

        await Store.SaveAsync(replaced, None);

        Assert.Equal(Stored(replaced), Stored(await Store.GetAsync(replaced.TenantId, None)));
        Assert.Single(await Store.ListAsync(None));
    }

    [Fact]
    public async Task Every_tenants_route_is_listed_across_pages_and_tenants_do_not_see_each_other()
    {
        var tenants = new[] { "tenant-e", "tenant/1#a", "tenant-c", "tenant-d", "tenant-b" };
        foreach (var tenant in tenants)
        {
            await Store.SaveAsync(Sample(tenant, "Lead of " + tenant), None);
        }

        var listed = await Store.ListAsync(None);

        Assert.Equal(tenants.Order(StringComparer.Ordinal), listed.Select(r => r.TenantId));
        Assert.All(listed, r => Assert.Equal("Lead of " + r.TenantId, r.Name));
        Assert.Null(await Store.GetAsync("tenant-z", None));
    }

    [Fact]
    public async Task Removing_a_route_says_whether_there_was_one_and_leaves_other_tenants_alone()
    {
        await Store.SaveAsync(Sample("tenant-a"), None);
        await Store.SaveAsync(Sample("tenant-b"), None);

        Assert.True(await Store.RemoveAsync("tenant-a", None));
        Assert.False(await Store.RemoveAsync("tenant-a", None));

        Assert.Null(await Store.GetAsync("tenant-a", None));
        Assert.Equal(["tenant-b"], (await Store.ListAsync(None)).Select(r => r.TenantId));
    }

    [Fact]
    public async Task A_store_that_is_down_reports_itself_unavailable_for_every_operation()
    {
        var (down, cleanup) = CreateUnavailableStore();
        try
        {
            await Assert.ThrowsAsync<StoreUnavailableException>(() => down.GetAsync("tenant-a", None));
            await Assert.ThrowsAsync<StoreUnavailableException>(() => down.ListAsync(None));
            await Assert.ThrowsAsync<StoreUnavailableException>(() => down.SaveAsync(Sample("tenant-a"), None));
            await Assert.ThrowsAsync<StoreUnavailableException>(() => down.RemoveAsync("tenant-a", None));
        }
        finally
        {
            cleanup();
        }
    }
}

public sealed class SqliteSafeguardingRouteStoreContractTests : SafeguardingRouteStoreContractTests
{
    protected override Task<(ISafeguardingRouteStore Store, Func<ValueTask> Cleanup)> CreateStoreAsync()
    {
        var directory = new TempDirectory();
        var database = new SqliteDatabase(new SqliteStoreOptions { Path = directory.Combine("data", "beacon.db"), ListPageSize = ListPageSize });
        return Task.FromResult<(ISafeguardingRouteStore, Func<ValueTask>)>((
            new SqliteSafeguardingRouteStore(database),
            () =>
            {
                database.Dispose();
                directory.Dispose();
                return ValueTask.CompletedTask;
            }));
    }

    protected override (ISafeguardingRouteStore Store, Action Cleanup) CreateUnavailableStore()
    {
        // A regular file where the database's directory should be: the file cannot be created.
        var directory = new TempDirectory();
        var blocker = directory.Combine("blocker");
        File.WriteAllText(blocker, "not a directory");
        var database = new SqliteDatabase(new SqliteStoreOptions { Path = Path.Combine(blocker, "data", "beacon.db") });
        return (new SqliteSafeguardingRouteStore(database), () =>
        {
            database.Dispose();
            directory.Dispose();
        });
    }
}

[Collection(AzuriteGroup.Name)]
public sealed class AzureTablesSafeguardingRouteStoreContractTests(AzuriteFixture azurite) : SafeguardingRouteStoreContractTests
{
    protected override Task<(ISafeguardingRouteStore Store, Func<ValueTask> Cleanup)> CreateStoreAsync()
    {
        var storage = new AzureTableStorage(new AzureTableStoreOptions
        {
            ConnectionString = azurite.ConnectionString,
            TablePrefix = "t" + Guid.NewGuid().ToString("N")[..20],
            ListPageSize = ListPageSize,
        });
        var table = new AzureTableCampaignTable(storage);
        return Task.FromResult<(ISafeguardingRouteStore, Func<ValueTask>)>((
            new AzureTableSafeguardingRouteStore(table),
            async () =>
            {
                await table.Table.DeleteAsync(CancellationToken.None);
                table.Dispose();
                storage.Dispose();
            }));
    }

    protected override (ISafeguardingRouteStore Store, Action Cleanup) CreateUnavailableStore()
    {
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 0;
        var storage = new AzureTableStorage(new AzureTableStoreOptions
        {
            ConnectionString = azurite.ConnectionString.Replace($":{azurite.Port}/", $":{FreePort.Next()}/", StringComparison.Ordinal),
            ClientOptions = options,
        });
        var table = new AzureTableCampaignTable(storage);
        return (new AzureTableSafeguardingRouteStore(table), () =>
        {
            table.Dispose();
            storage.Dispose();
        });
    }
}
