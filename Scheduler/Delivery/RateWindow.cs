namespace Beacon.Scheduler.Delivery;

/// <summary>At most <see cref="Permits"/> requests in any <see cref="Window"/> (a sliding window).</summary>
public readonly record struct RateWindow(int Permits, TimeSpan Window);

/// <summary>The limits the sender holds (Teams' published limits by default, PROTOCOL.md).</summary>
public sealed record RateLimitOptions
{
    /// <summary>Per app per tenant, all conversations together: 50 per second.</summary>
    public static readonly IReadOnlyList<RateWindow> TeamsTenantLimits = [new(50, TimeSpan.FromSeconds(1))];

    /// <summary>Per bot per conversation: 7/1 s, 8/2 s, 60/30 s, 1800/3600 s.</summary>
    public static readonly IReadOnlyList<RateWindow> TeamsConversationLimits =
    [
        new(7, TimeSpan.FromSeconds(1)),
        new(8, TimeSpan.FromSeconds(2)),
        new(60, TimeSpan.FromSeconds(30)),
        new(1800, TimeSpan.FromSeconds(3600)),
    ];

    public IReadOnlyList<RateWindow> TenantLimits { get; init; } = TeamsTenantLimits;

    public IReadOnlyList<RateWindow> ConversationLimits { get; init; } = TeamsConversationLimits;

    /// <summary>
    /// Added to every window on our side (clock and timer granularity). Latency needs no margin: a
    /// request counts from its start until a window after its response. Default 5 ms.
    /// </summary>
    public TimeSpan SafetyMargin { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// This instance's share of the tenant limit (0..1]. Teams counts all instances together; with N
    /// instances sending at once give each 1/N (the 429 handling covers the rest). Default 1.
    /// </summary>
    public double TenantShare { get; init; } = 1.0;

    /// <summary>
    /// Spread the tenant's requests evenly (one every window/permits) instead of letting a full
    /// window go out in a burst, so jitter on the way cannot squeeze two bursts into one of Teams'
    /// windows. Default true.
    /// </summary>
    public bool PaceTenant { get; init; } = true;
}
