namespace Beacon.Scheduler.Delivery;

/// <summary>Settings of scheduled delivery (configuration section <c>Delivery</c>).</summary>
public sealed record DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>Questions in a scheduled session. Default 3.</summary>
    public int SessionSize { get; init; } = 3;

    /// <summary>The zone for learners whose Teams client never told us theirs, per tenant id.</summary>
    public IReadOnlyDictionary<string, string> TenantTimeZones { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The zone when neither the learner nor the tenant has one. Default UTC.</summary>
    public string DefaultTimeZone { get; init; } = "UTC";

    /// <summary>
    /// How long after its slot a session may still go out (a tick missed by a restart, quiet hours
    /// ending). Later than this, the day is skipped: missed days never stack. Default 2 hours.
    /// </summary>
    public TimeSpan CatchUpWindow { get; init; } = TimeSpan.FromHours(2);

    /// <summary>
    /// When, in the learner's day, a campaign session nobody answered gets its one reminder (if the
    /// campaign sends reminders): at this local time, but never sooner than <see cref="NudgeMinimumDelay"/>
    /// after the session; no reminder when that falls after midnight. Default 17:00.
    /// </summary>
    public TimeOnly NudgeLocalTime { get; init; } = new(17, 0);

    /// <summary>The least time between a campaign session and its reminder. Default 3 hours.</summary>
    public TimeSpan NudgeMinimumDelay { get; init; } = TimeSpan.FromHours(3);

    /// <summary>Learners delivered to in parallel by one instance. Default 32.</summary>
    public int MaxParallelism { get; init; } = 32;

    /// <summary>Attempts per send (the first one included) before the delivery is recorded as failed. Default 8.</summary>
    public int MaxAttempts { get; init; } = 8;

    /// <summary>First backoff after a 412/5xx/timeout; doubles per attempt, with jitter. Default 1 s.</summary>
    public TimeSpan BaseBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Names this instance in the claims it writes. Default: machine name and process id.</summary>
    public string InstanceId { get; init; } = $"{Environment.MachineName}:{Environment.ProcessId}";
}
