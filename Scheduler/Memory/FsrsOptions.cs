namespace Beacon.Scheduler.Memory;

/// <summary>
/// Settings of <see cref="FsrsMemoryModel"/> (FSRS-6).
/// </summary>
/// <remarks>
/// <para>
/// Production defaults: no intraday learning or relearning steps. Beacon asks questions at most
/// once a day per item (the session composer never repeats an item within the learner's day), so
/// minute-long steps such as ts-fsrs' defaults (<c>1m, 10m</c> learning, <c>10m</c> relearning)
/// would only make an item "due" again on the same day when it cannot be asked. Without steps a
/// new item graduates straight to the review phase with an interval of at least one day, and a
/// lapse is rescheduled from its post-lapse stability (at least one day).
/// </para>
/// <para>
/// <see cref="TsFsrsDefaults"/> reproduces ts-fsrs 5.4.2's defaults (steps on, fuzz off); the
/// parity test uses it and the production configuration.
/// </para>
/// </remarks>
public sealed record FsrsOptions
{
    /// <summary>The 21 default FSRS-6 weights w0..w20 (w20 is the forgetting-curve decay).</summary>
    public static readonly IReadOnlyList<double> DefaultWeights =
    [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ];

    /// <summary>ts-fsrs 5.4.2 defaults: learning steps 1 and 10 minutes, relearning step 10 minutes, no fuzz.</summary>
    public static FsrsOptions TsFsrsDefaults { get; } = new()
    {
        LearningSteps = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10)],
        RelearningSteps = [TimeSpan.FromMinutes(10)],
        EnableFuzz = false,
        StrictMaximumInterval = false,
    };

    /// <summary>21 weights; values are clamped to FSRS-6's parameter bounds, as ts-fsrs does.</summary>
    public IReadOnlyList<double> Weights { get; init; } = DefaultWeights;

    /// <summary>Target probability of recall when an item falls due. Default 0.9.</summary>
    public double DesiredRetention { get; init; } = 0.9;

    /// <summary>Longest interval in days. Default 36,500.</summary>
    public int MaximumIntervalDays { get; init; } = 36500;

    /// <summary>
    /// ts-fsrs keeps Hard &lt; Good &lt; Easy by adding a day, which can push Good and Easy one or two
    /// days past <see cref="MaximumIntervalDays"/>. True (default) clamps them back to the maximum;
    /// false reproduces ts-fsrs exactly (the parity test covers both).
    /// </summary>
    public bool StrictMaximumInterval { get; init; } = true;

    /// <summary>Short-term steps for new items (whole minutes). Default none (see remarks).</summary>
    public IReadOnlyList<TimeSpan> LearningSteps { get; init; } = [];

    /// <summary>Short-term steps after a lapse (whole minutes). Default none (see remarks).</summary>
    public IReadOnlyList<TimeSpan> RelearningSteps { get; init; } = [];

    /// <summary>
    /// Spread intervals of 2.5 days or more over a small range (FSRS fuzz ranges) so items learned
    /// together do not stay clumped. Deterministic: seeded by learner, question and repetition.
    /// </summary>
    public bool EnableFuzz { get; init; } = true;

    /// <summary>
    /// A confident wrong answer (misinformation) multiplies the post-lapse stability by this
    /// factor (0 &lt; f &lt;= 1), so the item is due no later — usually sooner — than after an unsure
    /// wrong answer and ranks first among due reviews (lower retrievability). Default 0.5.
    /// </summary>
    public double ConfidentWrongStabilityFactor { get; init; } = 0.5;
}
