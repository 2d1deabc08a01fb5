namespace Beacon.Bench;

using System.Diagnostics;
using System.Globalization;
using Beacon.Scheduler.Memory;
using Beacon.Scheduler.Sessions;
using Beacon.Training.Answers;
using Beacon.Training.Content;
using Beacon.Training.Learners;
using Beacon.Training.Reviews;

/// <summary>
/// <c>compose --learners N [--items I] [--seed S]</c>: composes today's scheduled session for N
/// learners with I items each (a synthetic pack and review states held in memory), in parallel,
/// and times only the composing.
/// </summary>
internal static class ComposeBench
{
    private static readonly string[] Zones = ["UTC", "Europe/London", "America/New_York", "America/Los_Angeles", "Asia/Kolkata", "Australia/Sydney"];

    public static int Run(string[] args, TextWriter output)
    {
        var learners = 100_000;
        var items = 150;
        var seed = 42;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--learners": learners = value; break;
                case "--items": items = value; break;
                case "--seed": seed = value; break;
                default:
                    output.WriteLine($"unknown option {args[i]}; usage: compose --learners N [--items I] [--seed S]");
                    return 2;
            }
        }

        var now = new DateTimeOffset(2025, 6, 2, 8, 0, 0, TimeSpan.Zero);
        var setup = Stopwatch.StartNew();
        var pack = SyntheticPack(items);
        var requests = new SessionRequest[learners];
        Parallel.For(0, learners, l => requests[l] = SyntheticLearner(pack, l, seed, now));
        setup.Stop();

        var composer = new SessionComposer(new FsrsMemoryModel());
        var plans = new SessionPlan[learners];

        // Steady state, as in a long-running bot: one untimed pass (JIT tiers, pack index, time zone
        // cache), a full collection, then the timed pass over all learners.
        Parallel.For(0, learners, l => plans[l] = composer.Compose(requests[l]));
        Array.Clear(plans);
        GC.Collect();
        GC.WaitForPendingFinalizers();

        var timer = Stopwatch.StartNew();
        Parallel.For(0, learners, l => plans[l] = composer.Compose(requests[l]));
        timer.Stop();

        var questions = plans.Sum(p => (long)p.Questions.Count);
        var refreshers = plans.Count(p => p.OpeningRefresher is not null);
        var empty = plans.Count(p => p.Questions.Count == 0);
        var seconds = timer.Elapsed.TotalSeconds;
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"{"learners",-30}{learners,14:N0}"));
        output.WriteLine(string.Create(c, $"{"items per learner",-30}{items,14:N0}"));
        output.WriteLine(string.Create(c, $"{"review states in memory",-30}{requests.Sum(r => (long)r.States.Count),14:N0}"));
        output.WriteLine(string.Create(c, $"{"cores",-30}{Environment.ProcessorCount,14}"));
        output.WriteLine(string.Create(c, $"{"setup (not timed)",-30}{setup.Elapsed.TotalSeconds,12:0.00} s"));
        output.WriteLine(string.Create(c, $"{"questions planned",-30}{questions,14:N0}"));
        output.WriteLine(string.Create(c, $"{"sessions opening a refresher",-30}{refreshers,14:N0}"));
        output.WriteLine(string.Create(c, $"{"sessions already complete",-30}{empty,14:N0}"));
        output.WriteLine(string.Create(c, $"{"per learner",-30}{seconds * 1e6 / learners,11:0.0} us"));
        output.WriteLine(string.Create(c, $"compose: {learners} learners in {seconds:0.000} s"));
        return 0;
    }

    private static ContentPack SyntheticPack(int items)
    {
        var source = new Source("Synthetic", new Uri("https://example.org/bench"));
        var questions = new List<Question>(items);
        for (var i = 0; i < items; i++)
        {
            var topic = Topic.All[i % Topic.All.Count];
            var track = i % 3 == 0 ? Track.Roles[i % Track.Roles.Count] : Track.Core;
            questions.Add(new Question($"q{i:D4}", 1, topic, [track], Difficulty.Application, "en", $"ind-{i % 20}", "Stem",
                [new QuestionOption("a", "A", "ok"), new QuestionOption("b", "B", "no")], ["a"], "Why", "What to do", source));
        }

        var refreshers = Topic.All.Select(t => new Refresher($"r-{t}", 1, t, [Track.Core], [], t, ["point"], "What to do", source)).ToList();
        return new ContentPack(questions, refreshers, [], "intl");
    }

    private static SessionRequest SyntheticLearner(ContentPack pack, int index, int seed, DateTimeOffset now)
    {
        var random = new Random(HashCode.Combine(seed, index));
        var key = new LearnerKey("bench-tenant", $"learner-{index:D6}");
        var learner = new Learner
        {
            Key = key,
            TimeZone = Zones[index % Zones.Length],
            Track = Track.Roles[index % Track.Roles.Count],
        };

        // Every learner has a state for every item: some new, most in review at varied stabilities.
        var introduced = random.Next(0, pack.Questions.Count + 1);
        var states = new ReviewState[pack.Questions.Count];
        for (var i = 0; i < states.Length; i++)
        {
            var q = pack.Questions[i];
            if (i >= introduced)
            {
                states[i] = new ReviewState { Learner = key, QuestionId = q.Id };
                continue;
            }

            var stability = Math.Exp(random.NextDouble() * Math.Log(500));
            var last = now.AddDays(-random.NextDouble() * 120);
            states[i] = new ReviewState
            {
                Learner = key,
                QuestionId = q.Id,
                Phase = ReviewPhase.Review,
                Stability = stability,
                Difficulty = 1 + (random.NextDouble() * 9),
                LastReview = last,
                Due = last.AddDays(Math.Max(1, Math.Round(stability))),
                Reps = random.Next(1, 12),
                Lapses = random.Next(0, 3),
            };
        }

        // A quarter of the learners already answered one question today.
        var answers = new List<AnswerRecord>();
        if (introduced > 0 && index % 4 == 0)
        {
            var q = pack.Questions[random.Next(introduced)];
            answers.Add(new AnswerRecord(key, $"p-{index}", q.Id, 1, "a", true, Confidence.Sure, now.AddMinutes(-30), now.AddMinutes(-29)));
        }

        return new SessionRequest(learner, pack, states, answers, now, 3, false);
    }
}
