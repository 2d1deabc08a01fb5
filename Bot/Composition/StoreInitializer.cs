namespace Beacon.Bot.Composition;

using Beacon.Training.Ports;

/// <summary>
/// Creates the store at start-up so a fresh machine has its database before the first message.
/// A store that is down does not stop the bot: reporting guidance works without it, /readyz
/// says 503, and the store is created on first use once it is back.
/// </summary>
public sealed class StoreInitializer(IStoreSchema schema, ILogger<StoreInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await schema.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (StoreUnavailableException ex)
        {
            logger.LogError(ex, "The store is unavailable at start-up; Beacon starts anyway and will retry on first use");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
