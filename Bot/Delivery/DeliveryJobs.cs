namespace Beacon.Bot.Delivery;

using Quartz;

/// <summary>The Quartz job every delivery trigger runs: one delivery pass (idempotent, see <see cref="DeliveryTicker"/>).</summary>
[DisallowConcurrentExecution]
public sealed class DeliveryJob(DeliveryTicker ticker, ILogger<DeliveryJob> logger) : IJob
{
    public static readonly JobKey Key = new("delivery", "beacon");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await ticker.TickAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Never let a failed pass unschedule the trigger; the next tick tries again.
            logger.LogError(ex, "Delivery pass failed (trigger {Trigger})", context.Trigger.Key);
        }
    }
}
