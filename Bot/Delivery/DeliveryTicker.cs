namespace Beacon.Bot.Delivery;

using Beacon.Scheduler.Delivery;

/// <summary>
/// Runs <see cref="AnnouncementRunner.RunDueAsync"/>, <see cref="DeliveryRunner.RunDueAsync"/> and then <see cref="NudgeRunner.RunDueAsync"/> for the
/// Quartz jobs, one run at a time per instance (a trigger that fires while a run is in progress is
/// skipped: the next one catches up).
/// </summary>
public sealed class DeliveryTicker(AnnouncementRunner announcements, DeliveryRunner runner, NudgeRunner nudges, TimeProvider clock, ILogger<DeliveryTicker> logger) : IDisposable
{
    private readonly SemaphoreSlim running = new(1, 1);

    public async Task<DeliveryReport?> TickAsync(CancellationToken cancellationToken)
    {
        if (!await running.WaitAsync(0, cancellationToken).ConfigureAwait(false))
        {
            logger.LogDebug("Delivery run still in progress; this tick is skipped");
            return null;
        }

        try
        {
            // Campaign announcements first: someone confirmed into a campaign hears about it before its first session.
            await announcements.RunDueAsync(cancellationToken).ConfigureAwait(false);
            var now = clock.GetUtcNow();
            var report = await runner.RunDueAsync(now, cancellationToken).ConfigureAwait(false);
            await nudges.RunDueAsync(now, cancellationToken).ConfigureAwait(false);
            return report;
        }
        finally
        {
            running.Release();
        }
    }

    public void Dispose() => running.Dispose();
}
