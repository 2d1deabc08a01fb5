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
        var provider = configuration["Storage:Provider"];
        if (string.Equals(provider, AzureTablesProvider, StringComparison.OrdinalIgnoreCase))
        {
            AddAzureTables(services, configuration);
        }
        else if (string.IsNullOrEmpty(provider) || string.Equals(provider, SqliteProvider, StringComparison.OrdinalIgnoreCase))
        {
            AddSqlite(services, configuration);
        }
        else
        {
            throw new InvalidOperationException(
                $"Storage:Provider '{provider}' is not known. Use '{SqliteProvider}' (default) or '{AzureTablesProvider}'.");
        }

        services.AddHostedService<StoreInitializer>();
        return services;
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
        services.AddSingleton(sp => new SqliteDatabase(new SqliteStoreOptions
        {
            Path = SqlitePath(configuration, sp.GetRequiredService<IHostEnvironment>()),
        }));
        services.AddSingleton<IStoreSchema>(sp => new SqliteSchema(sp.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton<ILearnerStore, SqliteLearnerStore>();
        services.AddSingleton<IAnswerStore, SqliteAnswerStore>();
        services.AddSingleton<IReviewStore, SqliteReviewStore>();
        services.AddSingleton<IStoreHealth, SqliteStoreHealth>();
        services.AddSingleton<IHandoffLog, SqliteHandoffLog>();
    }

    private static void AddAzureTables(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ =>
        {
            var section = configuration.GetSection("Storage:AzureTables");
            var serviceUri = section["ServiceUri"];
            return new AzureTableStorage(new AzureTableStoreOptions
            {
                ConnectionString = NullIfEmpty(section["ConnectionString"]),
                ServiceUri = string.IsNullOrWhiteSpace(serviceUri) ? null : new Uri(serviceUri),
                TablePrefix = NullIfEmpty(section["TablePrefix"]) ?? "beacon",
            });
        });
        services.AddSingleton<IStoreSchema>(sp => new AzureTablesSchema(sp.GetRequiredService<AzureTableStorage>()));
        services.AddSingleton<ILearnerStore, AzureTableLearnerStore>();
        services.AddSingleton<IAnswerStore, AzureTableAnswerStore>();
        services.AddSingleton<IReviewStore, AzureTableReviewStore>();
        services.AddSingleton<IStoreHealth, AzureTableStoreHealth>();
        services.AddSingleton<IHandoffLog, AzureTableHandoffLog>();
    }

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
