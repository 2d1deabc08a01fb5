namespace Beacon.Tests.Storage;

using Beacon.Bot.Composition;
using Beacon.Storage.AzureTables;
using Beacon.Storage.Sqlite;
using Beacon.Tests.Support;
using Beacon.Training.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Moq;

public sealed class StoreRegistrationTests
{
    [Fact]
    public async Task An_unknown_provider_stops_start_up_with_the_choices()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            RunningBot.StartAsync(arguments: ["--Storage:Provider=Mongo"]));

        Assert.Contains("'Sqlite' (default) or 'AzureTables'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Azure_client_retries_are_bounded_by_default_and_configurable()
    {
        var defaults = StoreRegistration.AzureTablesOptions(Config(new() { ["Storage:AzureTables:ConnectionString"] = "UseDevelopmentStorage=true" }));
        Assert.Equal(2, defaults.ClientOptions!.Retry.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(5), defaults.ClientOptions.Retry.NetworkTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(500), defaults.ClientOptions.Retry.Delay);
        Assert.Equal("beacon", defaults.TablePrefix);

        var tuned = StoreRegistration.AzureTablesOptions(Config(new()
        {
            ["Storage:AzureTables:ServiceUri"] = "https://acct.table.core.windows.net/",
            ["Storage:AzureTables:TablePrefix"] = "org1",
            ["Storage:AzureTables:MaxRetries"] = "5",
            ["Storage:AzureTables:RetryDelay"] = "00:00:01",
            ["Storage:AzureTables:NetworkTimeout"] = "00:00:20",
        }));
        Assert.Equal(5, tuned.ClientOptions!.Retry.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(1), tuned.ClientOptions.Retry.Delay);
        Assert.Equal(TimeSpan.FromSeconds(20), tuned.ClientOptions.Retry.NetworkTimeout);
        Assert.Equal(new Uri("https://acct.table.core.windows.net/"), tuned.ServiceUri);
        Assert.Null(tuned.ConnectionString);
        Assert.Equal("org1", tuned.TablePrefix);
    }

    [Fact]
    public void SQLite_busy_timeout_is_configurable()
    {
        Assert.Equal(TimeSpan.FromSeconds(5), StoreRegistration.SqliteOptions(Config([]), "x.db").BusyTimeout);
        Assert.Equal(TimeSpan.FromSeconds(1), StoreRegistration.SqliteOptions(Config(new() { ["Storage:Sqlite:BusyTimeout"] = "00:00:01" }), "x.db").BusyTimeout);
    }

    [Fact]
    public void SQLite_cached_learners_are_configurable_and_a_negative_number_is_refused()
    {
        Assert.Equal(1000, StoreRegistration.SqliteOptions(Config([]), "x.db").CachedLearners);
        var none = StoreRegistration.SqliteOptions(Config(new() { ["Storage:Sqlite:CachedLearners"] = "0" }), "x.db");
        Assert.Equal(0, none.CachedLearners);
        var negative = StoreRegistration.SqliteOptions(Config(new() { ["Storage:Sqlite:CachedLearners"] = "-1" }), "x.db");
        Assert.Throws<ArgumentOutOfRangeException>(() => new Beacon.Storage.Sqlite.SqliteDatabase(negative));
    }

    [Theory]
    [InlineData(null, typeof(SqliteSafeguardingRouteStore))]
    [InlineData("AzureTables", typeof(AzureTableSafeguardingRouteStore))]
    public void The_safeguarding_route_store_is_the_configured_providers(string? provider, Type expected)
    {
        using var directory = new TempDirectory();
        var services = new ServiceCollection();
        services.AddSingleton(Mock.Of<IHostEnvironment>(e => e.ContentRootPath == directory.Path));
        services.AddBeaconStore(Config(new()
        {
            ["Storage:Provider"] = provider,
            ["Storage:AzureTables:ConnectionString"] = "UseDevelopmentStorage=true",
        }));
        using var provided = services.BuildServiceProvider();

        Assert.IsType(expected, provided.GetRequiredService<ISafeguardingRouteStore>());
    }

    private static IConfiguration Config(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
