namespace Beacon.Scheduler.Simulation;

using System.Globalization;
using System.Text;
using Beacon.Scheduler.Memory;
using Beacon.Scheduler.Sessions;
using Beacon.Training.Learners;
using Beacon.Training.Reviews;

/// <summary>One simulated answer (see <see cref="Simulator.Trace"/>).</summary>
/// <param name="Day">Day of the run, from 0.</param>
/// <param name="Item">Item index in the pack, from 0.</param>
/// <param name="Recall">True probability of recall just before the answer (the prior on a first presentation).</param>
/// <param name="Correct">Whether the answer was right.</param>
/// <param name="Rating">The grade from Beacon's rating policy.</param>
public readonly record struct SimulatedAnswer(int Day, int Item, double Recall, bool Correct, Rating Rating);

/// <summary>Everything one simulated learner answered under one policy, and their memory at the end.</summary>
public sealed class LearnerTrace
{
    private readonly Func<int, double, double> recall;
    private readonly bool[] retired;

    internal LearnerTrace(IReadOnlyList<SimulatedAnswer> answers, Func<int, double, double> recall, bool[] retired)
    {
        Answers = answers;
        this.recall = recall;
        this.retired = retired;
    }

    public IReadOnlyList<SimulatedAnswer> Answers { get; }

    /// <summary>
    /// The true probability of recall of <paramref name="item"/> at time <paramref name="day"/>
    /// (days from the start), from the memory left by its last answer in the run; meaningful for
    /// times at or after that answer. Items never presented give their prior.
    /// </summary>
    public double Recall(int item, double day) => recall(item, day);

    /// <summary>Whether the policy retired <paramref name="item"/> by the end of the run (fixed; FSRS by the composer's bound).</summary>
    public bool IsRetired(int item) => retired[item];
}

/// <summary>The acceptance comparison of issue 4: FSRS against the fixed rule at the last measured day.</summary>
/// <param name="Day">The day retention is compared on.</param>
/// <param name="FixedReviews">Reviews per learner under the fixed rule.</param>
/// <param name="FixedRetention">The fixed rule's retention on <paramref name="Day"/>.</param>
/// <param name="Default">FSRS at the configured desired retention.</param>
/// <param name="MatchedDesiredRetention">The cheapest desired retention whose retention reaches fixed's, if any.</param>
/// <param name="Matched">FSRS at <paramref name="MatchedDesiredRetention"/>, if any.</param>
public sealed record FixedComparison(
    int Day,
    double FixedReviews,
    double FixedRetention,
    SimulationResult Default,
    double? MatchedDesiredRetention,
    SimulationResult? Matched)
{
    /// <summary>The saving the acceptance line asks for: at least 20% fewer reviews.</summary>
    public const double RequiredSaving = 0.20;

    /// <summary>Whether FSRS at the configured desired retention reaches fixed's retention with at least 20% fewer reviews.</summary>
    public bool DefaultMeetsCriterion =>
        Default.RetentionAt(Day) >= FixedRetention && Default.ReviewsPerLearner <= (1 - RequiredSaving) * FixedReviews;

    /// <summary>Whether FSRS at the matched desired retention does.</summary>
    public bool MatchedMeetsCriterion =>
        Matched is { } m && m.RetentionAt(Day) >= FixedRetention && m.ReviewsPerLearner <= (1 - RequiredSaving) * FixedReviews;

    /// <summary>Whether the acceptance criterion holds at either setting.</summary>
    public bool MeetsCriterion => DefaultMeetsCriterion || MatchedMeetsCriterion;
}

/// <summary>
/// Simulates learners answering daily sessions under a scheduling policy.
/// </summary>
/// <remarks>
/// <para>
/// Ground truth (the same for every policy): each learner's memory of each item follows FSRS-6
/// with the default weights (or <see cref="SimulationOptions.TruthDecay"/>), but on a personal
/// clock: a learner-and-item "memory speed" m = a * b (learner ability a and item ease b, both
/// log-normal, sigma 0.35 and 0.3) stretches time, so recall after t days is R(t / m, S). The
/// scheduler does not know m. Before the first presentation an item is answered right with a
/// prior probability (uniform 0.3 to 0.7 per item: guessing plus what people already know); the
/// first presentation and its feedback then start the memory.
/// </para>
/// <para>
/// Each answer is right with the true recall probability. The learner says "sure" with that same
/// probability and is fast with it again, so the observed grade follows Beacon's rating policy:
/// wrong = Again (confident wrong when sure), right and unsure = Hard, right and sure = Good,
/// right, sure and fast = Easy. The true memory updates with FSRS-6's formulas for that grade,
/// whichever policy asked the question.
/// </para>
/// <para>
/// Sessions (the same for every policy): one session a day of at most
/// <see cref="SimulationOptions.SessionSize"/> questions (the composer's daily cap), no item twice
/// a day; due items first (each policy's own order: FSRS lowest predicted recall first, as the
/// composer does; the others earliest due first), then new items in pack order. Every policy sees
/// the same learners, the same pack and the same random draws per learner, item and day.
/// </para>
/// <para>
/// Measures: reviews count every question asked, first presentations included. Retention at day X
/// is the mean true recall probability, at the end of day X (after X daily sessions), over every
/// item of the pack: items not yet introduced count at their prior, and retired items keep decaying
/// from their last answer (retiring stops the asking, not the forgetting). Deterministic by seed;
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
        var models = Models.For(options);
        var measureDays = MeasureDays(options);
        var reviews = new long[options.Learners];
        var retention = new double[options.Learners, measureDays.Length];
        var introduced = new double[options.Learners, measureDays.Length];

        Parallel.For(0, options.Learners, learner =>
        {
            var run = new LearnerRun(policy, options, learner, models, measureDays, trace: false);
            run.Simulate();
            reviews[learner] = run.Reviews;
            for (var k = 0; k < measureDays.Length; k++)
            {
                retention[learner, k] = run.Retention[k];
                introduced[learner, k] = run.Introduced[k];
            }
        });

        var reviewsPerLearner = reviews.Sum() / (double)options.Learners;
        var measured = new List<(int, double)>();
        var met = new List<(int, double)>();
        for (var k = 0; k < measureDays.Length; k++)
        {
            double sum = 0, share = 0;
            for (var l = 0; l < options.Learners; l++)
            {
                sum += retention[l, k];
                share += introduced[l, k];
            }

            measured.Add((measureDays[k], sum / options.Learners));
            met.Add((measureDays[k], share / options.Learners));
        }

        var minutesPerWeek = reviewsPerLearner * options.SecondsPerQuestion / 60 / (options.Days / 7.0);
        return new SimulationResult(policy, reviewsPerLearner, minutesPerWeek, measured, met);
    }

    /// <summary>One learner's answers under <paramref name="policy"/>, for inspection and tests.</summary>
    public static LearnerTrace Trace(SimulatedPolicy policy, SimulationOptions options, int learner)
    {
        var models = Models.For(options);
        var run = new LearnerRun(policy, options, learner, models, MeasureDays(options), trace: true);
        run.Simulate();
        return new LearnerTrace(run.Answers!, run.RecallAt, run.RetiredFlags());
    }

    /// <summary>
    /// The cheapest FSRS desired retention whose measured retention at <paramref name="day"/> is at
    /// least <paramref name="target"/> (bisection over 0.30 to 0.97, to about 0.005), with its
    /// result; null when even 0.97 falls short.
    /// </summary>
    public static (double DesiredRetention, SimulationResult Result)? MatchRetention(SimulationOptions options, int day, double target)
    {
        ArgumentNullException.ThrowIfNull(options);
        SimulationResult RunAt(double r) => Run(SimulatedPolicy.Fsrs, options with { Fsrs = options.Fsrs with { DesiredRetention = r } });

        double low = 0.30, high = 0.97;
        var best = RunAt(high);
        if (best.RetentionAt(day) < target)
        {
            return null;
        }

        var lowResult = RunAt(low);
        if (lowResult.RetentionAt(day) >= target)
        {
            return (low, lowResult);
        }

        for (var k = 0; k < 7; k++)
        {
            var mid = Math.Round((low + high) / 2, 3);
            var result = RunAt(mid);
            if (result.RetentionAt(day) >= target)
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

    /// <summary>The acceptance comparison: FSRS (as configured, and matched to fixed's retention) against fixed, on the last measured day.</summary>
    public static FixedComparison CompareWithFixed(SimulationOptions options, SimulationResult fsrs, SimulationResult fixedRule)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(fsrs);
        ArgumentNullException.ThrowIfNull(fixedRule);
        var (day, target) = fixedRule.Retention[^1];
        var matched = MatchRetention(options, day, target);
        return new FixedComparison(day, fixedRule.ReviewsPerLearner, target, fsrs, matched?.DesiredRetention, matched?.Result);
    }

    /// <summary>A table with one column per policy.</summary>
    public static string FormatTable(IReadOnlyList<SimulationResult> results, SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(options);
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        var f = options.Fixed;
        sb.Append(c, $"simulate: {options.Learners} learners, {options.Days} days, {options.Items} items, {options.SessionSize} questions a day, seed {options.Seed}, {options.SecondsPerQuestion:0} s per question\n");
        sb.Append(c, $"fsrs: desired retention {options.Fsrs.DesiredRetention:0.00###}, retire at stability {options.Composer.RetireStabilityDays:0} d (back below recall {options.Composer.RetiredRecallFloor:0.00}); fixed: right +{f.CorrectDays} d, wrong +{f.WrongDays} d, retire after {f.RetireAfterCorrect} right in a row\n");
        if (options.TruthDecay is { } decay)
        {
            sb.Append(c, $"ground truth: forgetting-curve decay {decay:0.####} (FSRS-6 default {FsrsOptions.DefaultWeights[20]:0.####})\n");
        }

        sb.Append("retention = mean true recall over all pack items at the end of the day (unseen items at their prior; retired items keep decaying)\n");
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
                Row($"retention day {day}", r => r.RetentionAt(day).ToString("0.000", c));
            }

            foreach (var (day, _) in results[0].Introduced)
            {
                Row($"pack introduced day {day}", r => r.Introduced.First(x => x.Day == day).Share.ToString("0.00", c));
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

    /// <summary>The comparison as text, ending with whether issue 4's criterion holds.</summary>
    public static string FormatComparison(FixedComparison comparison, SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(options);
        var c = CultureInfo.InvariantCulture;
        var x = comparison;
        var sb = new StringBuilder();
        sb.Append(c, $"fsrs at desired retention {options.Fsrs.DesiredRetention:0.00###}: {x.Default.ReviewsPerLearner:0.0} reviews per learner ({Change(x.Default.ReviewsPerLearner)} vs fixed), retention day {x.Day} {x.Default.RetentionAt(x.Day):0.000} vs fixed {x.FixedRetention:0.000}\n");
        if (x.Matched is { } m)
        {
            sb.Append(c, $"fsrs matched to fixed's retention day {x.Day}: desired retention {x.MatchedDesiredRetention:0.000}, {m.ReviewsPerLearner:0.0} reviews per learner ({Change(m.ReviewsPerLearner)} vs fixed), retention {m.RetentionAt(x.Day):0.000}\n");
        }
        else
        {
            sb.Append(c, $"fsrs cannot reach fixed's retention at day {x.Day} with desired retention up to 0.97\n");
        }

        sb.Append(c, $"criterion (fsrs >= {FixedComparison.RequiredSaving:0%} fewer reviews than fixed at the same or higher retention day {x.Day}): {(x.MeetsCriterion ? "met" : "NOT met")}\n");
        return sb.ToString();

        string Change(double reviews) => ((reviews / x.FixedReviews) - 1).ToString("+0%;-0%", c);
    }

    private static int[] MeasureDays(SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Learners < 1 || options.Days < 1 || options.Items < 1 || options.SessionSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Learners, days, items and session size must be positive.");
        }

        var f = options.Fixed;
        if (f.CorrectDays < 1 || f.WrongDays < 1 || f.RetireAfterCorrect < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "The fixed rule's intervals and retirement count must be positive.");
        }

        return options.MeasureDays.Where(d => d >= 0 && d <= options.Days).Append(options.Days).Distinct().Order().ToArray();
    }

    /// <summary>The models a run shares: ground truth, the scheduler under test and the composer's retirement rule.</summary>
    private sealed record Models(FsrsMemoryModel Truth, FsrsMemoryModel Fsrs, SessionComposer Composer)
    {
        public static Models For(SimulationOptions options)
        {
            ArgumentNullException.ThrowIfNull(options);
            var weights = FsrsOptions.DefaultWeights.ToArray();
            if (options.TruthDecay is { } decay)
            {
                weights[20] = decay;
            }

            var truth = new FsrsMemoryModel(new FsrsOptions { EnableFuzz = false, Weights = weights });
            var fsrs = new FsrsMemoryModel(options.Fsrs);
            return new Models(truth, fsrs, new SessionComposer(fsrs, options.Composer));
        }
    }

    private sealed class LearnerRun
    {
        private readonly SimulatedPolicy policy;
        private readonly SimulationOptions options;
        private readonly int learner;
        private readonly FsrsMemoryModel truth;
        private readonly FsrsMemoryModel fsrs;
        private readonly SessionComposer composer;
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
        private int next; // next new item

        public LearnerRun(SimulatedPolicy policy, SimulationOptions options, int learner, Models models, int[] measureDays, bool trace)
        {
            this.policy = policy;
            this.options = options;
            this.learner = learner;
            truth = models.Truth;
            fsrs = models.Fsrs;
            composer = models.Composer;
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
            Introduced = new double[measureDays.Length];
            Answers = trace ? [] : null;

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

        public double[] Introduced { get; }

        public List<SimulatedAnswer>? Answers { get; }

        public void Simulate()
        {
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
                    Measure(measure++, day + 1);
                }
            }

            while (measure < measureDays.Length)
            {
                Measure(measure, measureDays[measure]);
                measure++;
            }
        }

        /// <summary>True recall of an item at a time (days from the start), from its last answer.</summary>
        public double RecallAt(int i, double day) =>
            seen[i] ? truth.Retrievability(trueS[i], (day - lastDay[i]) / speed[i]) : prior[i];

        public bool[] RetiredFlags() =>
            policy == SimulatedPolicy.Fsrs
                ? states.Select(s => s.Phase != ReviewPhase.New && composer.IsRetired(s)).ToArray()
                : (bool[])retired.Clone();

        private void Measure(int k, int day)
        {
            var sum = 0.0;
            for (var i = 0; i < n; i++)
            {
                sum += RecallAt(i, day);
            }

            Retention[k] = sum / n;
            Introduced[k] = next / (double)n;
        }

        private bool IsDue(int i, int day, DateTimeOffset now, out double priority)
        {
            priority = dueDay[i];
            switch (policy)
            {
                case SimulatedPolicy.Fsrs:
                    // The session composer's rule: due reviews by lowest retrievability; a retired item
                    // (stability at the composer's bound) counts as due only below its recall floor.
                    var state = states[i];
                    var isRetired = composer.IsRetired(state);
                    if (!isRetired && !(state.Due <= now))
                    {
                        return false;
                    }

                    priority = fsrs.Retrievability(state, now);
                    return !isRetired || priority < options.Composer.RetiredRecallFloor;
                default:
                    return !retired[i] && dueDay[i] <= day;
            }
        }

        private void Answer(int i, int day, DateTimeOffset now)
        {
            Reviews++;
            var p = RecallAt(i, day);
            var correct = Draw(i, day, 0) < p;
            var sure = Draw(i, day, 1) < p;
            var fast = Draw(i, day, 2) < p;
            var rating = !correct ? Rating.Again : !sure ? Rating.Hard : fast ? Rating.Easy : Rating.Good;
            Answers?.Add(new SimulatedAnswer(day, i, p, correct, rating));

            // Ground truth learns from the answer and its feedback, whatever the policy.
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
                    // Kerfoot's spaced education: fixed repeat after a right or wrong answer; retired
                    // (never asked again) after RetireAfterCorrect right answers in a row.
                    var rule = options.Fixed;
                    counter[i] = correct ? counter[i] + 1 : 0;
                    retired[i] = counter[i] >= rule.RetireAfterCorrect;
                    dueDay[i] = day + (correct ? rule.CorrectDays : rule.WrongDays);
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

        private double Draw(int item, int day, int kind) => Unit(options.Seed, learner, (item * 100_003L) + day, kind);

        private static double Unit(int seed, long a, long b, int kind) =>
            (FuzzSeed.Mix(FuzzSeed.Mix(FuzzSeed.Mix((ulong)seed) ^ (ulong)a) ^ ((ulong)b * 31 + (ulong)kind)) >> 11) * (1.0 / (1UL << 53));

        private static double Normal(double u1, double u2) =>
            Math.Sqrt(-2 * Math.Log(Math.Max(u1, 1e-12))) * Math.Cos(2 * Math.PI * u2);
    }
}
