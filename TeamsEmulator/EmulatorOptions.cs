namespace Beacon.TeamsEmulator;

/// <summary>
/// How the emulator behaves. Limits default to Teams' published ones (one tenant: everything sent
/// to this emulator counts against one tenant-wide window). Faults are injected at random (seeded)
/// before a request is accepted, so an injected failure never delivers a message.
/// </summary>
public sealed class EmulatorOptions
{
    /// <summary>Per tenant (all conversations): 50 requests per second.</summary>
    public IReadOnlyList<(int Permits, TimeSpan Window)> TenantLimits { get; init; } = [(50, TimeSpan.FromSeconds(1))];

    /// <summary>Per conversation: 7/1 s, 8/2 s, 60/30 s, 1800/3600 s.</summary>
    public IReadOnlyList<(int Permits, TimeSpan Window)> ConversationLimits { get; init; } =
    [
        (7, TimeSpan.FromSeconds(1)),
        (8, TimeSpan.FromSeconds(2)),
        (60, TimeSpan.FromSeconds(30)),
        (1800, TimeSpan.FromSeconds(3600)),
    ];

    /// <summary>The Retry-After sent with a 429, in whole seconds. Default 1.</summary>
    public int RetryAfterSeconds { get; init; } = 1;

    /// <summary>Share of requests answered 500/502/503/504/412 (0..1).</summary>
    public double ServerErrorRate { get; set; }

    /// <summary>Share of requests held without an answer until <see cref="TimeoutHold"/> passes (the caller times out first).</summary>
    public double TimeoutRate { get; set; }

    public TimeSpan TimeoutHold { get; init; } = TimeSpan.FromSeconds(30);

    public int Seed { get; init; } = 7;

    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
