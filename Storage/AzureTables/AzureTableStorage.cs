namespace Beacon.Storage.AzureTables;

using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Azure;
using Azure.Data.Tables;
using Azure.Identity;
using Beacon.Training.Ports;

/// <summary>
/// The tables behind the four Azure Table stores (key design: <see cref="TableKeys"/>): clients,
/// table creation and the mapping of service and transport failures to
/// <see cref="StoreUnavailableException"/>. Thread-safe; share one instance between the stores.
/// </summary>
public sealed partial class AzureTableStorage : IDisposable
{
    private readonly SemaphoreSlim initLock = new(1, 1);
    private readonly TableServiceClient service;
    private readonly string prefix;
    private volatile bool initialized;

    public AzureTableStorage(AzureTableStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ListPageSize is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "ListPageSize must be between 1 and 1000.");
        }

        var prefix = options.TablePrefix ?? string.Empty;
        if (!TablePrefixPattern().IsMatch(prefix))
        {
            throw new ArgumentException("TablePrefix must start with a letter and hold 1 to 52 letters or digits.", nameof(options));
        }

        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        TableServiceClient service;
        if (hasConnectionString && options.ServiceUri is null)
        {
            service = new TableServiceClient(options.ConnectionString, options.ClientOptions);
        }
        else if (!hasConnectionString && options.ServiceUri is not null)
        {
            service = new TableServiceClient(options.ServiceUri, options.Credential ?? new DefaultAzureCredential(), options.ClientOptions);
        }
        else
        {
            throw new ArgumentException("Set exactly one of ConnectionString or ServiceUri.", nameof(options));
        }

        ListPageSize = options.ListPageSize;
        this.service = service;
        this.prefix = prefix;
        Learners = service.GetTableClient(prefix + "Learners");
        LearnerData = service.GetTableClient(prefix + "LearnerData");
        Handoffs = service.GetTableClient(prefix + "Handoffs");
    }

    /// <summary>Learner profiles, partitioned by tenant.</summary>
    internal TableClient Learners { get; }

    /// <summary>Issued questions, answers and review states, partitioned by tenant and learner.</summary>
    internal TableClient LearnerData { get; }

    /// <summary>The safeguarding handoff audit trail, partitioned by tenant.</summary>
    internal TableClient Handoffs { get; }

    internal int ListPageSize { get; }

    /// <summary>Another table of this deployment (same account and prefix), for stores that keep their own.</summary>
    internal TableClient GetTable(string name) => service.GetTableClient(prefix + name);

    /// <summary>
    /// Creates the tables if they are missing (idempotent). Call it at start-up; the first store
    /// operation also calls it.
    /// </summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (initialized)
        {
            return;
        }

        await initLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (initialized)
            {
                return;
            }

            await GuardAsync(
                async ct =>
                {
                    await Learners.CreateIfNotExistsAsync(ct).ConfigureAwait(false);
                    await LearnerData.CreateIfNotExistsAsync(ct).ConfigureAwait(false);
                    await Handoffs.CreateIfNotExistsAsync(ct).ConfigureAwait(false);
                    return true;
                },
                cancellationToken).ConfigureAwait(false);
            initialized = true;
        }
        finally
        {
            initLock.Release();
        }
    }

    /// <summary>Deletes the tables (tests and tear-down only).</summary>
    internal async Task DeleteTablesAsync(CancellationToken cancellationToken)
    {
        await Learners.DeleteAsync(cancellationToken).ConfigureAwait(false);
        await LearnerData.DeleteAsync(cancellationToken).ConfigureAwait(false);
        await Handoffs.DeleteAsync(cancellationToken).ConfigureAwait(false);
        initialized = false;
    }

    public void Dispose() => initLock.Dispose();

    /// <summary>Runs one operation after the tables exist, mapping failures to <see cref="StoreUnavailableException"/>.</summary>
    internal async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await GuardAsync(operation, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreUnavailableException ex) when (ex.InnerException is RequestFailedException { ErrorCode: "TableNotFound" })
        {
            // Someone deleted a table (or an emulator lost it): create it again on the next call.
            initialized = false;
            throw;
        }
    }

    /// <summary>
    /// The entities a query returns, one request per page, fetched only when the caller has used up
    /// the previous page; each page request is guarded like any other store call.
    /// </summary>
    internal static async IAsyncEnumerable<TableEntity> QueryPagesAsync(
        TableClient table,
        string? filter,
        int pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pages = table
            .QueryAsync<TableEntity>(filter, maxPerPage: pageSize, cancellationToken: cancellationToken)
            .AsPages()
            .GetAsyncEnumerator(cancellationToken);
        await using (pages.ConfigureAwait(false))
        {
            while (true)
            {
                var page = await GuardAsync(
                    async _ => await pages.MoveNextAsync().ConfigureAwait(false) ? pages.Current : null,
                    cancellationToken).ConfigureAwait(false);
                if (page is null)
                {
                    yield break;
                }

                foreach (var entity in page.Values)
                {
                    yield return entity;
                }
            }
        }
    }

    /// <summary>Maps service and transport failures to <see cref="StoreUnavailableException"/>; a cancellation by the caller stays one.</summary>
    internal static async Task<T> GuardAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        try
        {
            return await operation(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsUnavailable(ex, cancellationToken))
        {
            throw Unavailable(ex);
        }
    }

    internal static bool IsUnavailable(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        RequestFailedException => true,                 // any status the store did not handle itself, or no response
        AggregateException => true,                     // Azure.Core gives up after retrying transport failures
        AuthenticationFailedException => true,          // no token for ServiceUri
        HttpRequestException or IOException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested, // a network timeout, not the caller
        _ => false,
    };

    internal static StoreUnavailableException Unavailable(Exception exception) => exception switch
    {
        RequestFailedException { Status: > 0 } failed => new StoreUnavailableException(
            $"Azure Table Storage failed: {failed.Status} {failed.ErrorCode}.", exception),
        _ => new StoreUnavailableException($"Azure Table Storage is unreachable: {exception.Message}", exception),
    };

    internal static bool IsStatus(RequestFailedException exception, int status) => exception.Status == status;

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,51}$", RegexOptions.CultureInvariant)]
    private static partial Regex TablePrefixPattern();
}
