namespace Beacon.Scheduler.Simulation;

using System.Globalization;
using System.Text;
using Beacon.Scheduler.Memory;
using Beacon.Training.Learners;
using Beacon.Training.Reviews;

/// <summary>The scheduling policies the simulator compares.</summary>
public enum SimulatedPolicy
{
    /// <summary>Beacon: FSRS-6 with the rating policy, confident-wrong rule and retirement at one year of stability.</summary>
    Fsrs,

    /// <summary>
    /// Qstream / spaced education (Kerfoot): a question answered correctly comes back after a fixed
    /// number of days (21), one answered wrongly after 7 days; it retires after two correct answers
    /// in a row.
    /// </summary>
    Fixed,

    /// <summary>SuperMemo-2: intervals 1, 6, then times the easiness factor; a lapse restarts.</summary>
    Sm2,

    /// <summary>Leitner boxes with intervals 1, 3, 7, 14, 30 days; right moves up a box, wrong back to box 1.</summary>
    Leitner,
}

/// <summary>Settings of a simulation run.</summary>
public sealed record SimulationOptions
{
    public int Learners { get; init; } = 1000;

    public int Days { get; init; } = 180;

    public int Seed { get; init; } = 1;

    /// <summary>Questions in the simulated pack. Default 60.</summary>
    public int Items { get; init; } = 60;

    /// <summary>Questions per daily session (due first, then new). Default 3.</summary>
    public int SessionSize { get; init; } = 3;

    public double SecondsPerQuestion { get; init; } = 20;

    /// <summary>Days at which retention is measured (those within the run are reported).</summary>
    public IReadOnlyList<int> MeasureDays { get; init; } = [30, 90, 180];

    /// <summary>The FSRS settings under test (production defaults).</summary>
    public FsrsOptions Fsrs { get; init; } = new();

    /// <summary>FSRS items retire at this stability, as in the session composer. Default 365.</summary>
    public double RetireStabilityDays { get; init; } = 365;

    /// <summary>Fixed policy: days until a correctly answered question repeats. Default 21 (three weeks).</summary>
    public int FixedCorrectDays { get; init; } = 21;

    /// <summary>Fixed policy: days until a wrongly answered question repeats. Default 7.</summary>
    public int FixedWrongDays { get; init; } = 7;

    /// <summary>Fixed policy: consecutive correct answers that retire a question. Default 2.</summary>
    public int FixedRetireAfterCorrect { get; init; } = 2;
}

/// <summary>What one policy cost and achieved, averaged over the simulated learners.</summary>
public sealed record SimulationResult(
    SimulatedPolicy Policy,
    double ReviewsPerLearner,
    double MinutesPerLearnerPerWeek,
    IReadOnlyList<(int Day, double Retention)> Retention);

/// <summary>
/// Simulates learners answering daily sessions under a scheduling policy.
/// </summary>
/// <remarks>
/// <para>
/// Ground truth: each learner's memory of each item follows FSRS-6 with the default weights, but
/// on a personal clock: a learner-and-item "memory speed" m = a * b (learner ability a and item
/// ease b, both log-normal, sigma 0.35 and 0.3) stretches time, so recall after t days is
/// R(t / m, S). Before the first presentation an item is answered right with a prior probability
/// (uniform 0.3 to 0.7: guessing plus what people already know); the feedback then teaches it.
/// </para>
/// <para>
/// Each answer is right with the true recall probability. The learner says "sure" with that same
/// probability and is fast with it again, so the observed grade follows Beacon's rating policy:
/// wrong = Again (confident wrong when sure), right and unsure = Hard, right and sure = Good,
/// right, sure and fast = Easy. The true memory updates with FSRS-6's formulas for that grade.
/// </para>
/// <para>
/// Every policy gets the same learners, the same pack, the same daily cap (due items first, then
/// new items in pack order) and the same random draws per learner, item and day. Reviews count
/// every question asked (first presentations included). Retention at day X is the mean true
/// recall probability over all items of the pack at the end of day X. Deterministic by seed;
/// learners run in parallel.
/// </para>
/// </remarks>
public static class Simulator
{
    private static readonly DateTimeOffset Epoch = new(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<SimulationResult> RunAll(SimulationOptions options) =>
        Enum.GetValues<SimulatedPolicy>().Select(p => Run(p, options)).ToList();

    public static SimulationResult Run(SimulatedPolicy policy, SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Learners < 1 || options.Days < 1 || options.Items < 1 || options.SessionSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Learners, days, items and session size must be positive.");
        }

        var truth = new FsrsMemoryModel(new FsrsOptions { EnableFuzz = false });
        var fsrs = new FsrsMemoryModel(options.Fsrs);
        var measureDays = options.MeasureDays.Where(d => d >= 0 && d <= options.Days).Distinct().Order().ToArray();
        var reviews = new long[options.Learners];
        var retention = new double[options.Learners, measureDays.Length];

        Parallel.For(0, options.Learners, learner =>
        {
            var run = new LearnerRun(policy, options, learner, truth, fsrs, measureDays);
            run.Simulate();
            reviews[learner] = run.Reviews;
            for (var k = 0; k < measureDays.Length; k++)
            {
                retention[learner, k] = run.Retention[k];
            }
        });

        var reviewsPerLearner = reviews.Sum() / (double)options.Learners;
        var measured = new List<(int, double)>();
        for (var k = 0; k < measureDays.Length; k++)
        {
            var sum = 0.0;
            for (var l = 0; l < options.Learners; l++)
            {
                sum += retention[l, k];
            }

            measured.Add((measureDays[k], sum / options.Learners));
        }

        var minutesPerWeek = reviewsPerLearner * options.SecondsPerQuestion / 60 / (options.Days / 7.0);
        return new SimulationResult(policy, reviewsPerLearner, minutesPerWeek, measured);
    }

    /// <summary>
    /// The cheapest FSRS desired retention whose measured retention at <paramref name="day"/> is at
    /// least <paramref name="target"/> (bisection over 0.30 to 0.97), with its result; null when
    /// even 0.97 falls short.
    /// </summary>
    public static (double DesiredRetention, SimulationResult Result)? MatchRetention(SimulationOptions options, int day, double target)
    {
        ArgumentNullException.ThrowIfNull(options);
        SimulationResult RunAt(double r) => Run(SimulatedPolicy.Fsrs, options with { Fsrs = options.Fsrs with { DesiredRetention = r } });
        double At(SimulationResult result) => result.Retention.First(x => x.Day == day).Retention;

        double low = 0.30, high = 0.97;
        var best = RunAt(high);
        if (At(best) < target)
        {
            return null;
        }

        var lowResult = RunAt(low);
        if (At(lowResult) >= target)
        {
            return (low, lowResult);
        }

        for (var k = 0; k < 7; k++)
        {
            var mid = Math.Round((low + high) / 2, 3);
            var result = RunAt(mid);
            if (At(result) >= target)
            {
                (high, best) = (mid, result);
            }
            else
            {
                low = mid;
            }
        }

        return (high, best);
    }

    /// <summary>A table with one column per policy.</summary>
    public static string FormatTable(IReadOnlyList<SimulationResult> results, SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(options);
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(c, $"simulate: {options.Learners} learners, {options.Days} days, {options.Items} items, {options.SessionSize} questions a day, seed {options.Seed}, {options.SecondsPerQuestion:0} s per question\n");
        const int width = 10;
        sb.Append("metric".PadRight(28));
        foreach (var r in results)
        {
            sb.Append(r.Policy.ToString().ToLowerInvariant().PadLeft(width));
        }

        sb.Append('\n');
        Row("reviews per learner", r => r.ReviewsPerLearner.ToString("0.0", c));
        Row("minutes per learner/week", r => r.MinutesPerLearnerPerWeek.ToString("0.00", c));
        if (results.Count > 0)
        {
            foreach (var (day, _) in results[0].Retention)
            {
                Row($"retention day {day}", r => r.Retention.First(x => x.Day == day).Retention.ToString("0.000", c));
            }
        }

        return sb.ToString();

        void Row(string name, Func<SimulationResult, string> value)
        {
            sb.Append(name.PadRight(28));
            foreach (var r in results)
            {
                sb.Append(value(r).PadLeft(width));
            }

            sb.Append('\n');
        }
    }

    private sealed class LearnerRun
    {
        private readonly SimulatedPolicy policy;
        private readonly SimulationOptions options;
        private readonly int learner;
        private readonly FsrsMemoryModel truth;
        private readonly FsrsMemoryModel fsrs;
        private readonly int[] measureDays;
        private readonly int n;

        // Ground truth per item.
        private readonly double[] speed;
        private readonly double[] prior;
        private readonly bool[] seen;
        private readonly double[] trueS;
        private readonly double[] trueD;
        private readonly int[] lastDay;

        // Policy state per item.
        private readonly int[] dueDay;
        private readonly bool[] retired;
        private readonly int[] counter; // fixed: correct streak; sm2: repetitions; leitner: box
        private readonly double[] ease; // sm2 easiness factor
        private readonly int[] interval; // sm2 last interval
        private readonly ReviewState[] states;

        public LearnerRun(SimulatedPolicy policy, SimulationOptions options, int learner, FsrsMemoryModel truth, FsrsMemoryModel fsrs, int[] measureDays)
        {
            this.policy = policy;
            this.options = options;
            this.learner = learner;
            this.truth = truth;
            this.fsrs = fsrs;
            this.measureDays = measureDays;
            n = options.Items;
            speed = new double[n];
            prior = new double[n];
            seen = new bool[n];
            trueS = new double[n];
            trueD = new double[n];
            lastDay = new int[n];
            dueDay = new int[n];
            retired = new bool[n];
            counter = new int[n];
            ease = new double[n];
            interval = new int[n];
            states = new ReviewState[n];
            Retention = new double[measureDays.Length];

            var ability = Math.Exp(0.35 * Normal(Draw(-1, 0, 0), Draw(-1, 0, 1)));
            for (var i = 0; i < n; i++)
            {
                // Item ease and prior knowledge are properties of the item (the same for every learner).
                var itemEase = Math.Exp(0.3 * Normal(Unit(options.Seed, -2, i, 0), Unit(options.Seed, -2, i, 1)));
                speed[i] = ability * itemEase;
                prior[i] = 0.3 + (0.4 * Unit(options.Seed, -3, i, 0));
                ease[i] = 2.5;
                states[i] = new ReviewState { Learner = new LearnerKey("sim", learner.ToString(CultureInfo.InvariantCulture)), QuestionId = $"q{i}" };
            }
        }

        public long Reviews { get; private set; }

        public double[] Retention { get; }

        public void Simulate()
        {
            var next = 0; // next new item
            var measure = 0;
            var due = new List<(double Priority, int Item)>();
            for (var day = 0; day < options.Days; day++)
            {
                var now = Epoch.AddDays(day);
                due.Clear();
                for (var i = 0; i < next; i++)
                {
                    if (IsDue(i, day, now, out var priority))
                    {
                        due.Add((priority, i));
                    }
                }

                due.Sort((a, b) => a.Priority != b.Priority ? a.Priority.CompareTo(b.Priority) : a.Item.CompareTo(b.Item));
                var asked = 0;
                foreach (var (_, item) in due)
                {
                    if (asked == options.SessionSize)
                    {
                        break;
                    }

                    Answer(item, day, now);
                    asked++;
                }

                while (asked < options.SessionSize && next < n)
                {
                    Answer(next++, day, now);
                    asked++;
                }

                while (measure < measureDays.Length && measureDays[measure] == day + 1)
                {
                    Retention[measure++] = MeanRecall(day + 1);
                }
            }

            while (measure < measureDays.Length)
            {
                Retention[measure] = MeanRecall(measureDays[measure]);
                measure++;
            }
        }

        private bool IsDue(int i, int day, DateTimeOffset now, out double priority)
        {
            priority = dueDay[i];
            switch (policy)
            {
                case SimulatedPolicy.Fsrs:
                    var state = states[i];
                    var isRetired = state.Phase == ReviewPhase.Review && state.Stability >= options.RetireStabilityDays;
                    if (!isRetired && !(state.Due <= now))
                    {
                        return false;
                    }

                    priority = fsrs.Retrievability(state, now);
                    return !isRetired || priority < 0.8;
                default:
                    return !retired[i] && dueDay[i] <= day;
            }
        }

        private void Answer(int i, int day, DateTimeOffset now)
        {
            Reviews++;
            var p = seen[i] ? truth.Retrievability(trueS[i], (day - lastDay[i]) / speed[i]) : prior[i];
            var correct = Draw(i, day, 0) < p;
            var sure = Draw(i, day, 1) < p;
            var fast = Draw(i, day, 2) < p;
            var rating = !correct ? Rating.Again : !sure ? Rating.Hard : fast ? Rating.Easy : Rating.Good;

            // Ground truth learns from the answer and its feedback.
            var elapsed = seen[i] ? (day - lastDay[i]) / speed[i] : 0;
            (trueS[i], trueD[i]) = truth.NextMemory(seen[i] ? trueS[i] : 0, seen[i] ? trueD[i] : 0, elapsed, rating);
            seen[i] = true;
            lastDay[i] = day;

            switch (policy)
            {
                case SimulatedPolicy.Fsrs:
                    states[i] = fsrs.Review(states[i], new AnswerRating(rating, !correct && sure), now);
                    break;
                case SimulatedPolicy.Fixed:
                    counter[i] = correct ? counter[i] + 1 : 0;
                    retired[i] = counter[i] >= options.FixedRetireAfterCorrect;
                    dueDay[i] = day + (correct ? options.FixedCorrectDays : options.FixedWrongDays);
                    break;
                case SimulatedPolicy.Sm2:
                    Sm2(i, day, rating);
                    break;
                case SimulatedPolicy.Leitner:
                    int[] boxes = [1, 3, 7, 14, 30];
                    counter[i] = correct ? Math.Min(counter[i] + 1, boxes.Length - 1) : 0;
                    dueDay[i] = day + boxes[counter[i]];
                    break;
            }
        }

        private void Sm2(int i, int day, Rating rating)
        {
            // SM-2 quality: Again 2, Hard 3, Good 4, Easy 5.
            var q = (int)rating + 1;
            if (q < 3)
            {
                counter[i] = 0;
                interval[i] = 1;
            }
            else
            {
                interval[i] = counter[i] switch
                {
                    0 => 1,
                    1 => 6,
                    _ => (int)Math.Round(interval[i] * ease[i], MidpointRounding.AwayFromZero),
                };
                counter[i]++;
            }

            ease[i] = Math.Max(1.3, ease[i] + (0.1 - ((5 - q) * (0.08 + ((5 - q) * 0.02)))));
            dueDay[i] = day + interval[i];
        }

        private double MeanRecall(int day)
        {
            var sum = 0.0;
            for (var i = 0; i < n; i++)
            {
                sum += seen[i] ? truth.Retrievability(trueS[i], (day - lastDay[i]) / speed[i]) : prior[i];
            }

            return sum / n;
        }

        private double Draw(int item, int day, int kind) => Unit(options.Seed, learner, (item * 100_003L) + day, kind);

        private static double Unit(int seed, long a, long b, int kind) =>
            (FuzzSeed.Mix(FuzzSeed.Mix(FuzzSeed.Mix((ulong)seed) ^ (ulong)a) ^ ((ulong)b * 31 + (ulong)kind)) >> 11) * (1.0 / (1UL << 53));

        private static double Normal(double u1, double u2) =>
            Math.Sqrt(-2 * Math.Log(Math.Max(u1, 1e-12))) * Math.Cos(2 * Math.PI * u2);
    }
}
