namespace Beacon.Scheduler.Delivery;

using Beacon.Training.Observability;

/// <summary>What one run of <see cref="DeliveryRunner.RunDueAsync"/> did. Thread-safe counters.</summary>
public sealed class DeliveryReport
{
    private int due;
    private int sent;
    private int alreadyClaimed;
    private int nothingDue;
    private int blocked;
    private int failed;
    private int unreachable;
    private int throttled;
    private int retries;
    private int recreated;

    public int Due => due;

    public int Sent => sent;

    /// <summary>Another run or instance had the claim already.</summary>
    public int AlreadyClaimed => alreadyClaimed;

    public int NothingDue => nothingDue;

    /// <summary>403: marked inactive.</summary>
    public int Blocked => blocked;

    public int Failed => failed;

    /// <summary>No personal conversation known yet.</summary>
    public int Unreachable => unreachable;

    /// <summary>429 answers received.</summary>
    public int Throttled => throttled;

    /// <summary>Requests sent again after a 429, 412, 5xx or timeout.</summary>
    public int Retries => retries;

    /// <summary>Conversations recreated after a 404.</summary>
    public int Recreated => recreated;

    internal void AddDue(int count) => Interlocked.Add(ref due, count);

    internal void Count(DeliveryOutcome outcome)
    {
        BeaconTelemetry.Deliveries.Add(1, new KeyValuePair<string, object?>("outcome", outcome.ToString()));
        switch (outcome)
        {
            case DeliveryOutcome.Sent: Interlocked.Increment(ref sent); break;
            case DeliveryOutcome.AlreadyClaimed: Interlocked.Increment(ref alreadyClaimed); break;
            case DeliveryOutcome.NothingDue: Interlocked.Increment(ref nothingDue); break;
            case DeliveryOutcome.Blocked: Interlocked.Increment(ref blocked); break;
            case DeliveryOutcome.Unreachable: Interlocked.Increment(ref unreachable); break;
            default: Interlocked.Increment(ref failed); break;
        }
    }

    internal void CountThrottled()
    {
        BeaconTelemetry.Throttled.Add(1);
        Interlocked.Increment(ref throttled);
    }

    internal void CountRetry() => Interlocked.Increment(ref retries);

    internal void CountRecreated() => Interlocked.Increment(ref recreated);

    public override string ToString() =>
        $"due={Due} sent={Sent} alreadyClaimed={AlreadyClaimed} nothingDue={NothingDue} blocked={Blocked} failed={Failed} " +
        $"unreachable={Unreachable} throttled={Throttled} retries={Retries} recreated={Recreated}";
}

public enum DeliveryOutcome
{
    Sent,
    AlreadyClaimed,
    NothingDue,
    Blocked,
    Failed,
    Unreachable,
}
