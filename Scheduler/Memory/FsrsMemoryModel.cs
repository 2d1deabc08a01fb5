namespace Beacon.Scheduler.Memory;

using Beacon.Training.Reviews;

/// <summary>
/// FSRS-6 (Free Spaced Repetition Scheduler, 21 parameters) with short-term stability, learning
/// and relearning steps and deterministic fuzz. Follows the published algorithm and matches
/// ts-fsrs 5.4.2 (with short-term scheduling enabled) to 1e-6 with fuzz off.
/// </summary>
/// <remarks>
/// Elapsed days between reviews are counted as ts-fsrs does: the difference of the UTC calendar
/// dates of the last review and this review. <see cref="Retrievability"/> uses the exact elapsed
/// time in fractional days (a finer ranking for the session composer).
/// </remarks>
public sealed class FsrsMemoryModel : IMemoryModel
{
    private const double MinStability = 0.001;
    private const double MaxStability = 36500;
    private const double MinutesPerDay = 1440;

    private static readonly double[][] ParameterBounds =
    [
        [MinStability, 100], [MinStability, 100], [MinStability, 100], [MinStability, 100],
        [1, 10], [0.001, 4], [0.001, 4], [0.001, 0.75], [0, 4.5], [0, 0.8], [0.001, 3.5],
        [0.001, 5], [0.001, 0.25], [0.001, 0.9], [0, 4], [0, 1], [1, 6], [0, 2], [0, 2],
        [0.01, 0.8], [0.1, 0.8],
    ];

    private readonly double[] w;
    private readonly double decay;
    private readonly double factor;
    private readonly double intervalModifier;
    private readonly double initialEasyDifficulty;
    private readonly double[] learningSteps;
    private readonly double[] relearningSteps;

    public FsrsMemoryModel()
        : this(new FsrsOptions())
    {
    }

    public FsrsMemoryModel(FsrsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Weights.Count != 21)
        {
            throw new ArgumentException("FSRS-6 needs 21 weights.", nameof(options));
        }

        if (options.DesiredRetention is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Desired retention must be in (0, 1].");
        }

        if (options.MaximumIntervalDays < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Maximum interval must be at least one day.");
        }

        if (options.ConfidentWrongStabilityFactor is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Confident-wrong factor must be in (0, 1].");
        }

        Options = options;
        learningSteps = options.LearningSteps.Select(ToMinutes).ToArray();
        relearningSteps = options.RelearningSteps.Select(ToMinutes).ToArray();
        w = ClampWeights(options.Weights, relearningSteps.Length);

        // Forgetting curve R(t, S) = (1 + factor * t / S)^(-w20), with factor chosen so R(S, S) = 0.9.
        decay = -w[20];
        factor = RoundTo(Math.Exp(Math.Pow(decay, -1) * Math.Log(0.9)) - 1, 8);
        intervalModifier = RoundTo((Math.Pow(options.DesiredRetention, 1 / decay) - 1) / factor, 8);
        initialEasyDifficulty = InitialDifficulty(Rating.Easy);
    }

    public FsrsOptions Options { get; }

    /// <inheritdoc />
    public ReviewState Review(ReviewState state, Rating rating, DateTimeOffset now) =>
        Review(state, new AnswerRating(rating, ConfidentWrong: false), now);

    /// <summary>
    /// Reviews with a rating from <see cref="RatingPolicy"/>. A confident wrong answer lapses like
    /// any wrong answer, then its stability is multiplied by
    /// <see cref="FsrsOptions.ConfidentWrongStabilityFactor"/> and, when it is not on an intraday
    /// step, its interval is recomputed from the lower stability (never later than the unsure case).
    /// </summary>
    public ReviewState Review(ReviewState state, AnswerRating rating, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var g = rating.Rating;
        if (g is < Rating.Again or > Rating.Easy)
        {
            throw new ArgumentOutOfRangeException(nameof(rating), "Rating must be Again, Hard, Good or Easy.");
        }

        var elapsed = state.Phase != ReviewPhase.New && state.LastReview is { } last
            ? Math.Max(0, (now.UtcDateTime.Date - last.UtcDateTime.Date).Days)
            : 0;

        var next = state with { Reps = state.Reps + 1, LastReview = now };
        double s;
        double d;
        switch (state.Phase)
        {
            case ReviewPhase.New:
            case ReviewPhase.Learning:
            case ReviewPhase.Relearning:
                (s, d) = NextMemory(state.Stability, state.Difficulty, elapsed, g, null);
                next = ApplySteps(state, next with { Stability = s, Difficulty = d }, g, elapsed, now,
                    state.Phase == ReviewPhase.New ? ReviewPhase.Learning : state.Phase);
                break;
            case ReviewPhase.Review:
                var r = ForgettingCurve(elapsed, state.Stability);
                if (g == Rating.Again)
                {
                    (s, d) = NextMemory(state.Stability, state.Difficulty, elapsed, g, r);
                    next = ApplySteps(state, next with { Stability = s, Difficulty = d }, g, elapsed, now, ReviewPhase.Relearning);
                    next = next with { Lapses = next.Lapses + 1 };
                }
                else
                {
                    next = ReviewRecalled(state, next, g, elapsed, r, now);
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(state), $"Unknown phase {state.Phase}.");
        }

        if (rating.ConfidentWrong && g == Rating.Again)
        {
            var lowered = Math.Max(MinStability, next.Stability * Options.ConfidentWrongStabilityFactor);
            next = next with { Stability = lowered };
            if (next.Phase == ReviewPhase.Review)
            {
                var due = now.AddDays(NextInterval(lowered, elapsed, state, next.Reps));
                if (next.Due is null || due < next.Due)
                {
                    next = next with { Due = due };
                }
            }
        }

        return next;
    }

    /// <inheritdoc />
    public double Retrievability(ReviewState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Phase == ReviewPhase.New || state.LastReview is not { } last || state.Stability <= 0)
        {
            return 0;
        }

        var days = Math.Max(0, (now - last).TotalDays);
        return Math.Pow(1 + (factor * days / state.Stability), decay);
    }

    /// <summary>Probability of recall after <paramref name="days"/> at stability <paramref name="stability"/> (no rounding).</summary>
    public double Retrievability(double stability, double days) =>
        stability <= 0 ? 0 : Math.Pow(1 + (factor * Math.Max(0, days) / stability), decay);

    /// <summary>
    /// The memory state after one review, without scheduling: FSRS-6's stability and difficulty
    /// update for a review <paramref name="elapsedDays"/> after the previous one (0 = same day, the
    /// short-term formula). Stability and difficulty 0 mean a first review. Used by the simulator.
    /// </summary>
    public (double Stability, double Difficulty) NextMemory(double stability, double difficulty, double elapsedDays, Rating rating) =>
        NextMemory(stability, difficulty, Math.Max(0, elapsedDays), rating, null);

    /// <summary>The interval in whole days that FSRS gives a stability, before fuzz (at least one day).</summary>
    public int IntervalDays(double stability) =>
        (int)Math.Min(Math.Max(1, JsRound(stability * intervalModifier)), Options.MaximumIntervalDays);

    /// <summary>JavaScript's Math.round (halves go up), which ts-fsrs uses throughout.</summary>
    internal static double JsRound(double x)
    {
        var floor = Math.Floor(x);
        return x - floor >= 0.5 ? floor + 1 : floor;
    }

    internal static double RoundTo(double x, int decimals)
    {
        var scale = Math.Pow(10, decimals);
        return JsRound(x * scale) / scale;
    }

    private static double ToMinutes(TimeSpan step)
    {
        if (step < TimeSpan.Zero || step.Ticks % TimeSpan.TicksPerMinute != 0)
        {
            throw new ArgumentException("Learning steps must be non-negative whole minutes.", nameof(step));
        }

        return step.TotalMinutes;
    }

    private static double[] ClampWeights(IReadOnlyList<double> weights, int relearningStepCount)
    {
        var bounds = ParameterBounds.Select(b => (double[])b.Clone()).ToArray();
        if (relearningStepCount > 1)
        {
            // With several relearning steps the short-term growth w17*w18 is capped so that the
            // steps cannot raise stability above what a lapse allows (as in FSRS-6 / ts-fsrs).
            var w11 = Math.Clamp(weights[11], bounds[11][0], bounds[11][1]);
            var w13 = Math.Clamp(weights[13], bounds[13][0], bounds[13][1]);
            var w14 = Math.Clamp(weights[14], bounds[14][0], bounds[14][1]);
            var value = -(Math.Log(w11) + Math.Log(Math.Pow(2, w13) - 1) + (w14 * 0.3)) / relearningStepCount;
            var ceiling = Math.Clamp(RoundTo(Math.Sqrt(Math.Max(value, 0)), 8), 0.01, 2);
            bounds[17][1] = ceiling;
            bounds[18][1] = ceiling;
        }

        var clamped = new double[21];
        for (var i = 0; i < 21; i++)
        {
            if (!double.IsFinite(weights[i]))
            {
                throw new ArgumentException("FSRS weights must be finite.", nameof(weights));
            }

            clamped[i] = Math.Min(Math.Max(weights[i], bounds[i][0]), bounds[i][1]);
        }

        return clamped;
    }

    private ReviewState ReviewRecalled(ReviewState current, ReviewState next, Rating g, int elapsed, double r, DateTimeOffset now)
    {
        // Hard, Good and Easy are scheduled together so their intervals keep their order.
        var hard = NextMemory(current.Stability, current.Difficulty, elapsed, Rating.Hard, r);
        var good = NextMemory(current.Stability, current.Difficulty, elapsed, Rating.Good, r);
        var easy = NextMemory(current.Stability, current.Difficulty, elapsed, Rating.Easy, r);
        var hardInterval = NextInterval(hard.Stability, elapsed, current, next.Reps);
        var goodInterval = NextInterval(good.Stability, elapsed, current, next.Reps);
        hardInterval = Math.Min(hardInterval, goodInterval);
        goodInterval = Math.Max(goodInterval, hardInterval + 1);
        var easyInterval = Math.Max(NextInterval(easy.Stability, elapsed, current, next.Reps), goodInterval + 1);

        if (Options.StrictMaximumInterval)
        {
            var maximum = Options.MaximumIntervalDays;
            (hardInterval, goodInterval, easyInterval) = (Math.Min(hardInterval, maximum), Math.Min(goodInterval, maximum), Math.Min(easyInterval, maximum));
        }
        var (memory, interval) = g switch
        {
            Rating.Hard => (hard, hardInterval),
            Rating.Good => (good, goodInterval),
            _ => (easy, easyInterval),
        };
        return next with
        {
            Stability = memory.Stability,
            Difficulty = memory.Difficulty,
            Phase = ReviewPhase.Review,
            Step = 0,
            Due = now.AddDays(interval),
        };
    }

    private ReviewState ApplySteps(ReviewState current, ReviewState next, Rating g, int elapsed, DateTimeOffset now, ReviewPhase stepPhase)
    {
        var (minutes, nextStep) = StepFor(current.Phase, current.Step, g);
        if (minutes > 0 && minutes < MinutesPerDay)
        {
            return next with { Phase = stepPhase, Step = nextStep, Due = now.AddMinutes(JsRound(minutes)) };
        }

        if (minutes >= MinutesPerDay)
        {
            return next with { Phase = ReviewPhase.Review, Step = nextStep, Due = now.AddMinutes(JsRound(minutes)) };
        }

        var interval = NextInterval(next.Stability, elapsed, current, next.Reps);
        return next with { Phase = ReviewPhase.Review, Step = 0, Due = now.AddDays(interval) };
    }

    /// <summary>The short-term step for a grade: minutes until due (0 = graduate) and the next step index.</summary>
    private (double Minutes, int NextStep) StepFor(ReviewPhase phase, int step, Rating g)
    {
        var steps = phase is ReviewPhase.Relearning or ReviewPhase.Review ? relearningSteps : learningSteps;
        step = Math.Max(0, step);
        if (steps.Length == 0 || step >= steps.Length)
        {
            return (0, 0);
        }

        if (phase == ReviewPhase.Review)
        {
            return g == Rating.Again ? (steps[step], 0) : (0, 0);
        }

        switch (g)
        {
            case Rating.Again:
                return (steps[0], 0);
            case Rating.Hard:
                var hard = steps.Length == 1 ? JsRound(steps[0] * 1.5) : JsRound((steps[0] + steps[1]) / 2);
                return (hard, step);
            case Rating.Good when step + 1 < steps.Length && steps[step + 1] > 0:
                return (JsRound(steps[step + 1]), step + 1);
            default:
                return (0, 0);
        }
    }

    private (double Stability, double Difficulty) NextMemory(double s, double d, double elapsed, Rating g, double? knownR)
    {
        if (s == 0 && d == 0)
        {
            return (Math.Max(w[(int)g - 1], 0.1), Math.Clamp(InitialDifficulty(g), 1, 10));
        }

        s = Math.Max(s, MinStability);
        d = Math.Clamp(d, 1, 10);
        var r = knownR ?? ForgettingCurve(elapsed, s);
        double nextS;
        if (elapsed == 0)
        {
            nextS = ShortTermStability(s, g);
        }
        else if (g == Rating.Again)
        {
            var afterFail = ForgetStability(d, s, r);
            var floor = RoundTo(s / Math.Exp(w[17] * w[18]), 8);
            nextS = Math.Min(Math.Max(floor, MinStability), afterFail);
        }
        else
        {
            nextS = RecallStability(d, s, r, g);
        }

        return (nextS, NextDifficulty(d, g));
    }

    private double InitialDifficulty(Rating g) => RoundTo(w[4] - Math.Exp(((int)g - 1) * w[5]) + 1, 8);

    private double NextDifficulty(double d, Rating g)
    {
        var delta = -w[6] * ((int)g - 3);
        var damped = d + RoundTo(delta * (10 - d) / 9, 8);
        var reverted = RoundTo((w[7] * initialEasyDifficulty) + ((1 - w[7]) * damped), 8);
        return Math.Clamp(reverted, 1, 10);
    }

    private double RecallStability(double d, double s, double r, Rating g)
    {
        var hardPenalty = g == Rating.Hard ? w[15] : 1;
        var easyBonus = g == Rating.Easy ? w[16] : 1;
        var growth = Math.Exp(w[8]) * (11 - d) * Math.Pow(s, -w[9]) * (Math.Exp((1 - r) * w[10]) - 1) * hardPenalty * easyBonus;
        return RoundTo(Math.Clamp(s * (1 + growth), MinStability, MaxStability), 8);
    }

    private double ForgetStability(double d, double s, double r)
    {
        var value = w[11] * Math.Pow(d, -w[12]) * (Math.Pow(s + 1, w[13]) - 1) * Math.Exp((1 - r) * w[14]);
        return RoundTo(Math.Clamp(value, MinStability, MaxStability), 8);
    }

    private double ShortTermStability(double s, Rating g)
    {
        var increase = Math.Pow(s, -w[19]) * Math.Exp(w[17] * ((int)g - 3 + w[18]));
        if (g >= Rating.Hard)
        {
            increase = Math.Max(increase, 1);
        }

        return RoundTo(Math.Clamp(s * increase, MinStability, MaxStability), 8);
    }

    private double ForgettingCurve(double elapsedDays, double stability) =>
        RoundTo(Math.Pow(1 + (factor * elapsedDays / stability), decay), 8);

    private int NextInterval(double stability, int elapsed, ReviewState current, int reps)
    {
        var interval = (double)IntervalDays(stability);
        if (!Options.EnableFuzz || interval < 2.5)
        {
            return (int)interval;
        }

        var (min, max) = FuzzRange(interval, elapsed, Options.MaximumIntervalDays);
        var u = FuzzSeed.Unit(current.Learner.TenantId, current.Learner.LearnerId, current.QuestionId, reps);
        return (int)Math.Floor((u * (max - min + 1)) + min);
    }

    /// <summary>FSRS fuzz: +-15% of the part between 2.5 and 7 days, 10% of 7-20 days, 5% above 20 days.</summary>
    internal static (int Min, int Max) FuzzRange(double interval, int elapsed, int maximum)
    {
        var delta = 1.0;
        delta += 0.15 * Math.Max(Math.Min(interval, 7) - 2.5, 0);
        delta += 0.10 * Math.Max(Math.Min(interval, 20) - 7, 0);
        delta += 0.05 * Math.Max(interval - 20, 0);
        interval = Math.Min(interval, maximum);
        var min = (int)Math.Max(2, JsRound(interval - delta));
        var max = (int)Math.Min(JsRound(interval + delta), maximum);
        if (interval > elapsed)
        {
            min = Math.Max(min, elapsed + 1);
        }

        return (Math.Min(min, max), max);
    }
}
