namespace Beacon.Bot.Security;

/// <summary>Per-user fairness limits, bound from the configuration section "RateLimiting".</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimiting";

    /// <summary>How many turns a user may send in a burst.</summary>
    public int BurstSize { get; set; } = 10;

    /// <summary>How fast the allowance refills (turns per second, sustained).</summary>
    public double TurnsPerSecond { get; set; } = 2;

    /// <summary>The "slow down" card is sent at most once per this interval per user.</summary>
    public TimeSpan NoticeInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Above this many tracked users, idle (full) buckets are dropped.</summary>
    public int MaxTrackedUsers { get; set; } = 50_000;
}
