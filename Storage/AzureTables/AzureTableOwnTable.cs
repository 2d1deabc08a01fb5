namespace Beacon.Storage.AzureTables;

using Azure.Data.Tables;

/// <summary>
/// A table of this deployment (same account and prefix as <see cref="AzureTableStorage"/>) that a
/// group of stores keeps for itself and creates on first use.
/// </summary>
public abstract class AzureTableOwnTable : IDisposable
{
    private readonly SemaphoreSlim initLock = new(1, 1);
    private volatile bool initialized;

    protected AzureTableOwnTable(AzureTableStorage storage, string name)
    {
        ArgumentNullException.ThrowIfNull(storage);
        Storage = storage;
        Table = storage.GetTable(name);
    }

    internal AzureTableStorage Storage { get; }

    internal TableClient Table { get; }

    /// <summary>Runs an operation after the table exists, mapping failures to StoreUnavailableException.</summary>
    internal async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return await AzureTableStorage.GuardAsync(operation, cancellationToken).ConfigureAwait(false);
    }

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (initialized)
        {
            return;
        }

        await initLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!initialized)
            {
                await AzureTableStorage.GuardAsync(async ct => await Table.CreateIfNotExistsAsync(ct).ConfigureAwait(false), cancellationToken)
                    .ConfigureAwait(false);
                initialized = true;
            }
        }
        finally
        {
            initLock.Release();
        }
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            initLock.Dispose();
        }
    }
}
