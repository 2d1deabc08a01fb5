namespace Beacon.Bot.Composition;

using Beacon.Storage.AzureTables;
using Beacon.Storage.Sqlite;
using Beacon.Training.Ports;

/// <summary>
/// Chooses the store from configuration: <c>Storage:Provider</c> = <c>Sqlite</c> (default, the
/// embedded file) or <c>AzureTables</c> (connection string, or service URI with
/// DefaultAzureCredential / managed identity). Settings are read when the store is first built,
/// so hosts and tests can add configuration after registration.
/// </summary>
public static class StoreRegistration
{
    public const string SqliteProvider = "Sqlite";
    public const string AzureTablesProvider = "AzureTables";
    public const string DefaultSqlitePath = "data/beacon.db";

    public static IServiceCollection AddBeaconStore(this IServiceCollection services, IConfiguration configuration)
    {
        // The provider is read when the store is first resolved (at start-up, by StoreInitializer),
        // not here: configuration added after registration (tests, hosts) still chooses the store.
        services.AddSingleton(_ => new StoreProvider(ProviderName(configuration)));
        AddSqlite(services, configuration);
        AddAzureTables(services, configuration);
        services.AddSingleton<IStoreSchema>(sp => sp.GetRequiredService<StoreProvider>().IsAzureTables
            ? new AzureTablesSchema(sp.GetRequiredService<AzureTableStorage>())
            : new SqliteSchema(sp.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton<ILearnerStore>(sp => sp.GetRequiredService<StoreProvider>().IsAzureTables
            ? new AzureTableLearnerStore(sp.GetRequiredService<AzureTableStorage>())
            : new SqliteLearnerStore(sp.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton<IAnswerStore>(sp => sp.GetRequiredService<StoreProvider>().IsAzureTables
            ? new AzureTableAnswerStore(sp.GetRequiredService<AzureTableStorage>())
            : new SqliteAnswerStore(sp.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton<IReviewStore>(sp => sp.GetRequiredService<StoreProvider>().IsAzureTables
            ? new AzureTableReviewStore(sp.GetRequiredService<AzureTableStorage>())
            : new SqliteReviewStore(sp.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton<IStoreHealth>(sp => sp.GetRequiredService<StoreProvider>().IsAzureTables
            ? new AzureTableStoreHealth(sp.GetRequiredService<AzureTableStorage>())
            : new SqliteStoreHealth(sp.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton<IHandoffLog>(sp => sp.GetRequiredService<StoreProvider>().IsAzureTables
            ? new AzureTableHandoffLog(sp.GetRequiredService<AzureTableStorage>())
            : new SqliteHandoffLog(sp.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton(sp => new AzureTableCampaignTable(sp.GetRequiredService<AzureTableStorage>()));
        services.AddSingleton<ICampaignStore>(sp => sp.GetRequiredService<StoreProvider>().IsAzureTables
            ? new AzureTableCampaignStore(sp.GetRequiredService<AzureTableCampaignTable>())
            : new SqliteCampaignStore(sp.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton<IManagerGrantStore>(sp => sp.GetRequiredService<StoreProvider>().IsAzureTables
            ? new AzureTableManagerGrantStore(sp.GetRequiredService<AzureTableCampaignTable>())
            : new SqliteManagerGrantStore(sp.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton<ISafeguardingRouteStore>(sp => sp.GetRequiredService<StoreProvider>().IsAzureTables
            ? new AzureTableSafeguardingRouteStore(sp.GetRequiredService<AzureTableCampaignTable>())
            : new SqliteSafeguardingRouteStore(sp.GetRequiredService<SqliteDatabase>()));
        services.AddHostedService<StoreInitializer>();
        return services;
    }

    /// <summary>The configured provider's canonical name; throws for an unknown one.</summary>
    public static string ProviderName(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var provider = configuration["Storage:Provider"];
        if (string.Equals(provider, AzureTablesProvider, StringComparison.OrdinalIgnoreCase))
        {
            return AzureTablesProvider;
        }

        if (string.IsNullOrEmpty(provider) || string.Equals(provider, SqliteProvider, StringComparison.OrdinalIgnoreCase))
        {
            return SqliteProvider;
        }

        throw new InvalidOperationException(
            $"Storage:Provider '{provider}' is not known. Use '{SqliteProvider}' (default) or '{AzureTablesProvider}'.");
    }

    /// <summary>A relative SQLite path is taken from the content root, so the file does not move with the working directory.</summary>
    public static string SqlitePath(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var configured = configuration["Storage:Sqlite:Path"];
        var path = string.IsNullOrWhiteSpace(configured) ? DefaultSqlitePath : configured;
        return Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(environment.ContentRootPath, path));
    }

    private static void AddSqlite(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(sp => new SqliteDatabase(SqliteOptions(configuration, SqlitePath(configuration, sp.GetRequiredService<IHostEnvironment>()))));
    }

    private static void AddAzureTables(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => new AzureTableStorage(AzureTablesOptions(configuration)));
    }

    /// <summary>
    /// <c>Storage:Sqlite:BusyTimeout</c> (a TimeSpan, default 5 s): how long a write waits for
    /// another writer before the store reports itself unavailable. <c>Storage:Sqlite:CachedLearners</c>
    /// (default 1,000; 0 keeps none): learners whose quiz-turn rows are kept in memory.
    /// </summary>
    public static SqliteStoreOptions SqliteOptions(IConfiguration configuration, string path)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new SqliteStoreOptions { Path = path };
        if (NullIfEmpty(configuration["Storage:Sqlite:BusyTimeout"]) is { } busy)
        {
            options.BusyTimeout = TimeSpan.Parse(busy, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (NullIfEmpty(configuration["Storage:Sqlite:CachedLearners"]) is { } cached)
        {
            options.CachedLearners = int.Parse(cached, System.Globalization.CultureInfo.InvariantCulture);
        }

        return options;
    }

    /// <summary>
    /// <c>Storage:AzureTables:*</c>: ConnectionString or ServiceUri (DefaultAzureCredential),
    /// TablePrefix (default "beacon"), and how hard one store call tries before the user is told
    /// "I couldn't save that": MaxRetries (default 2), RetryDelay (default 0.5 s, exponential) and
    /// NetworkTimeout per try (default 5 s), so a hung store fails well inside Teams' wait.
    /// </summary>
    public static AzureTableStoreOptions AzureTablesOptions(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Storage:AzureTables");
        var serviceUri = section["ServiceUri"];
        var client = new Azure.Data.Tables.TableClientOptions();
        client.Retry.MaxRetries = NullIfEmpty(section["MaxRetries"]) is { } retries
            ? int.Parse(retries, System.Globalization.CultureInfo.InvariantCulture)
            : 2;
        client.Retry.Delay = TimeSpanSetting(section["RetryDelay"]) ?? TimeSpan.FromMilliseconds(500);
        client.Retry.NetworkTimeout = TimeSpanSetting(section["NetworkTimeout"]) ?? TimeSpan.FromSeconds(5);
        return new AzureTableStoreOptions
        {
            ConnectionString = NullIfEmpty(section["ConnectionString"]),
            ServiceUri = string.IsNullOrWhiteSpace(serviceUri) ? null : new Uri(serviceUri),
            TablePrefix = NullIfEmpty(section["TablePrefix"]) ?? "beacon",
            ClientOptions = client,
        };
    }

    private static TimeSpan? TimeSpanSetting(string? value) =>
        NullIfEmpty(value) is { } text ? TimeSpan.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private sealed class SqliteSchema(SqliteDatabase database) : IStoreSchema
    {
        public Task EnsureCreatedAsync(CancellationToken cancellationToken) => database.EnsureCreatedAsync(cancellationToken);
    }

    private sealed class AzureTablesSchema(AzureTableStorage storage) : IStoreSchema
    {
        public Task EnsureCreatedAsync(CancellationToken cancellationToken) => storage.EnsureCreatedAsync(cancellationToken);
    }
}

/// <summary>Creates the store's file or tables.</summary>
public interface IStoreSchema
{
    Task EnsureCreatedAsync(CancellationToken cancellationToken);
}
