namespace Beacon.Bot.Configuration;

using Beacon.Dialogs.Reporting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

/// <summary>
/// Loads the safeguarding routes set in chat when the bot starts and again every
/// <see cref="Interval"/>, so each instance learns of the others' changes; sooner
/// (<see cref="RetryInterval"/>) after a load the store could not serve.
/// </summary>
public sealed class SafeguardingRoutesRefresher(StoredSafeguardingRoutes routes, TimeProvider clock, ILogger<SafeguardingRoutesRefresher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            bool loaded;
            try
            {
                loaded = await routes.RefreshAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Guidance keeps the routes it has; a failed refresh must not stop the bot.
                logger.LogError(ex, "Safeguarding routes not refreshed");
                loaded = false;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await Task.Delay(loaded ? Interval : RetryInterval, clock, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
