namespace Beacon.Storage.AzureTables;

using Azure.Data.Tables;
using Beacon.Training.Ports;

/// <summary>Readiness probe: the tables exist and a point read of a key no learner can have answers.</summary>
public sealed class AzureTableStoreHealth : IStoreHealth
{
    // '~' is always followed by two hex digits in escaped keys, so no learner has this key.
    private const string ProbeKey = "~health";

    private readonly AzureTableStorage storage;

    public AzureTableStoreHealth(AzureTableStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        this.storage = storage;
    }

    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await storage.RunAsync(
                async ct =>
                {
                    await storage.Learners
                        .GetEntityIfExistsAsync<TableEntity>(ProbeKey, ProbeKey, ["PartitionKey"], ct)
                        .ConfigureAwait(false);
                    return true;
                },
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (StoreUnavailableException)
        {
            return false;
        }
    }
}
