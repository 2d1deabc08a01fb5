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
