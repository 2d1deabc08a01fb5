namespace Beacon.Bot.Protocol;

using System.Net;
using Beacon.Training.Observability;
using Microsoft.Extensions.Logging;

/// <summary>
/// Logs refused (unauthenticated) requests without letting their senders fill the log: the first
/// <see cref="WarningsPerWindow"/> of each <see cref="Window"/> as warnings with the request's values
/// made safe (<see cref="UntrustedText"/>), the rest only counted, and one summary line when the
/// window ends. Time comes from the <see cref="TimeProvider"/>.
/// </summary>
public sealed class RefusedRequestLog(TimeProvider timeProvider, ILogger<RefusedRequestLog> logger) : IDisposable
{
    public const int WarningsPerWindow = 10;

    /// <summary>A refusal reason can quote a token field (the issuer, the channel): longer than an id, still short.</summary>
    public const int MaxReasonLength = 200;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Lock gate = new();
    private DateTimeOffset windowStart = DateTimeOffset.MinValue;
    private int warned;
    private int suppressed;
    private ITimer? summaryTimer;

    public void Refused(string? activityType, IPAddress? remoteAddress, string? reason)
    {
        lock (gate)
        {
            var now = timeProvider.GetUtcNow();
            if (now - windowStart >= Window)
            {
                WriteSummary();
                windowStart = now;
                warned = 0;
            }

            if (warned < WarningsPerWindow)
            {
                warned++;
                logger.LogWarning(
                    "Refused an inbound {ActivityType} activity from {RemoteAddress}: {Reason}",
                    UntrustedText.ForLog(activityType),
                    remoteAddress,
                    UntrustedText.ForLog(reason, MaxReasonLength));
                return;
            }

            suppressed++;
            summaryTimer ??= timeProvider.CreateTimer(_ => EndWindow(), null, windowStart + Window - now, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            summaryTimer?.Dispose();
            summaryTimer = null;
        }
    }

    private void EndWindow()
    {
        lock (gate)
        {
            WriteSummary();
        }
    }

    private void WriteSummary()
    {
        summaryTimer?.Dispose();
        summaryTimer = null;
        if (suppressed == 0)
        {
            return;
        }

        logger.LogWarning(
            "Refused {Count} more inbound requests in the {Window} from {WindowStart:O} without logging each one (only the first {Logged} are logged per window)",
            suppressed,
            Window,
            windowStart,
            WarningsPerWindow);
        suppressed = 0;
    }
}
