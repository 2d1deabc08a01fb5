namespace Beacon.Tests.Scheduler;

using Beacon.Bot.Cli;
using Beacon.Scheduler.Simulation;

public class SimulatorTests
{
    private static readonly SimulationOptions Small = new() { Learners = 40, Days = 90, Items = 30, Seed = 7 };

    [Fact]
    public void Runs_are_deterministic_by_seed()
    {
        foreach (var policy in Enum.GetValues<SimulatedPolicy>())
        {
            var a = Simulator.Run(policy, Small);
            var b = Simulator.Run(policy, Small);
            var other = Simulator.Run(policy, Small with { Seed = 8 });

            Assert.Equal(a.ReviewsPerLearner, b.ReviewsPerLearner);
            Assert.Equal(a.Retention, b.Retention);
            Assert.Equal(a.Introduced, b.Introduced);
            Assert.NotEqual(a.Retention, other.Retention);
        }
    }

    [Fact]
    public void Reports_reviews_minutes_and_retention_per_policy()
    {
        var results = Simulator.RunAll(Small);

        Assert.Equal([SimulatedPolicy.Fsrs, SimulatedPolicy.Fixed, SimulatedPolicy.Sm2, SimulatedPolicy.Leitner], results.Select(r => r.Policy));
        foreach (var r in results)
        {
            Assert.InRange(r.ReviewsPerLearner, Small.Items, Small.Days * Small.SessionSize);
            Assert.Equal(r.ReviewsPerLearner * 20 / 60 / (90 / 7.0), r.MinutesPerLearnerPerWeek, 9);
            Assert.Equal([30, 90], r.Retention.Select(x => x.Day));
            Assert.All(r.Retention, x => Assert.InRange(x.Retention, 0, 1));
        }

        // Fixed retires a question after two correct answers in a row, so it asks the fewest.
        Assert.True(results.Single(r => r.Policy == SimulatedPolicy.Fixed).ReviewsPerLearner
            < results.Single(r => r.Policy == SimulatedPolicy.Leitner).ReviewsPerLearner);
    }

    [Fact]
    public void The_last_day_of_the_run_is_always_measured()
    {
        var result = Simulator.Run(SimulatedPolicy.Fixed, Small with { Days = 120 });

        Assert.Equal([30, 90, 120], result.Retention.Select(x => x.Day));
    }

    [Fact]
    public void Fixed_follows_the_published_rule_and_retires_after_two_right_in_a_row()
    {
        Assert.Equal(new FixedRule(24, 12, 2), Small.Fixed);
        var retiredSeen = 0;
        for (var learner = 0; learner < 10; learner++)
        {
            var trace = Simulator.Trace(SimulatedPolicy.Fixed, Small, learner);
            foreach (var item in trace.Answers.GroupBy(a => a.Item))
            {
                var answers = item.OrderBy(a => a.Day).ToList();
                var streak = 0;
                for (var k = 0; k < answers.Count; k++)
                {
                    Assert.True(streak < 2, $"learner {learner} item {item.Key} asked again after two right in a row");
                    streak = answers[k].Correct ? streak + 1 : 0;
                    if (k + 1 < answers.Count)
                    {
                        // Due after 24 days when right, 12 when wrong (later only if the daily cap is full).
                        Assert.True(answers[k + 1].Day >= answers[k].Day + (answers[k].Correct ? 24 : 12));
                    }
                }

                Assert.Equal(streak >= 2, trace.IsRetired(item.Key));
                retiredSeen += streak >= 2 ? 1 : 0;
            }
        }

        Assert.True(retiredSeen > 0);
    }

    [Fact]
    public void A_retired_item_keeps_forgetting_and_counts_in_retention()
    {
        var options = Small with { Learners = 12 };
        var traces = Enumerable.Range(0, options.Learners).Select(l => Simulator.Trace(SimulatedPolicy.Fixed, options, l)).ToList();

        var (trace, item) = traces.SelectMany(t => Enumerable.Range(0, options.Items).Where(t.IsRetired).Select(i => (t, i))).First();
        var retiredOn = trace.Answers.Last(a => a.Item == item).Day;
        var soon = trace.Recall(item, retiredOn + 10);
        var later = trace.Recall(item, retiredOn + 100);
        var muchLater = trace.Recall(item, retiredOn + 400);
        Assert.True(soon > later && later > muchLater, $"{soon} {later} {muchLater}");

        // The reported retention is the mean true recall over every pack item, retired ones included.
        var result = Simulator.Run(SimulatedPolicy.Fixed, options);
        var expected = traces.Average(t => Enumerable.Range(0, options.Items).Average(i => t.Recall(i, 90)));
        Assert.Equal(expected, result.RetentionAt(90), 12);
    }

    [Fact]
    public void Every_policy_gets_the_same_daily_cap_order_of_new_items_and_first_answers()
    {
        var firstAnswers = new List<bool[]>();
        foreach (var policy in Enum.GetValues<SimulatedPolicy>())
        {
            var trace = Simulator.Trace(policy, Small, 3);
            Assert.All(trace.Answers.GroupBy(a => a.Day), day =>
            {
                Assert.True(day.Count() <= Small.SessionSize);
                Assert.Equal(day.Count(), day.Select(a => a.Item).Distinct().Count());
            });

            var firsts = trace.Answers.GroupBy(a => a.Item).Select(g => g.First()).OrderBy(a => a.Day).ThenBy(a => a.Item).ToList();
            Assert.Equal(Enumerable.Range(0, firsts.Count), firsts.Select(a => a.Item));
            firstAnswers.Add(firsts.Take(Small.SessionSize).Select(a => a.Correct).ToArray());
        }

        // Day 0 is new items only, with the same draws for every policy.
        Assert.All(firstAnswers, f => Assert.Equal(firstAnswers[0], f));
    }

    [Fact]
    public void Fsrs_retires_at_the_composer_bound()
    {
        var production = Simulator.Run(SimulatedPolicy.Fsrs, Small);
        var early = Small with { Composer = Small.Composer with { RetireStabilityDays = 5 } };

        Assert.Equal(365, Small.Composer.RetireStabilityDays);
        Assert.Equal(3, Small.SessionSize);
        Assert.True(Simulator.Run(SimulatedPolicy.Fsrs, early).ReviewsPerLearner < production.ReviewsPerLearner);
        var trace = Simulator.Trace(SimulatedPolicy.Fsrs, early, 0);
        Assert.Contains(Enumerable.Range(0, Small.Items), trace.IsRetired);
    }

    [Fact]
    public void Higher_desired_retention_costs_reviews_and_buys_retention()
    {
        var low = Simulator.Run(SimulatedPolicy.Fsrs, Small with { Fsrs = Small.Fsrs with { DesiredRetention = 0.7 } });
        var high = Simulator.Run(SimulatedPolicy.Fsrs, Small with { Fsrs = Small.Fsrs with { DesiredRetention = 0.95 } });

        Assert.True(high.ReviewsPerLearner > low.ReviewsPerLearner);
        Assert.True(high.Retention[^1].Retention > low.Retention[^1].Retention);
    }

    [Fact]
    public void Steeper_true_forgetting_lowers_fixed_retention()
    {
        var flat = Simulator.Run(SimulatedPolicy.Fixed, Small);
        var steep = Simulator.Run(SimulatedPolicy.Fixed, Small with { TruthDecay = 0.5 });

        Assert.True(steep.RetentionAt(90) < flat.RetentionAt(90));
    }

    [Theory]
    [InlineData(80.0, 0.75, true)]
    [InlineData(81.0, 0.75, false)]
    [InlineData(60.0, 0.74, false)]
    public void The_criterion_needs_a_fifth_fewer_reviews_at_the_same_or_higher_retention(double reviews, double retention, bool met)
    {
        var fsrs = new SimulationResult(SimulatedPolicy.Fsrs, reviews, 1, [(180, retention)], [(180, 1.0)]);
        var comparison = new FixedComparison(180, 100, 0.75, fsrs, null, null);

        Assert.Equal(met, comparison.DefaultMeetsCriterion);
        Assert.Equal(met, comparison.MeetsCriterion);
        Assert.False(comparison.MatchedMeetsCriterion);
    }

    [Fact]
    public void Simulate_command_prints_all_four_policies_side_by_side()
    {
        using var output = new StringWriter();

        var code = SimulateCommand.Run(["--learners", "20", "--days", "60", "--items", "20", "--seed", "3"], output);

        Assert.Equal(0, code);
        var text = output.ToString();
        var header = text.Split('\n').First(l => l.StartsWith("metric", StringComparison.Ordinal));
        Assert.Contains("fsrs", header, StringComparison.Ordinal);
        Assert.Contains("fixed", header, StringComparison.Ordinal);
        Assert.Contains("sm2", header, StringComparison.Ordinal);
        Assert.Contains("leitner", header, StringComparison.Ordinal);
        Assert.Contains("reviews per learner", text, StringComparison.Ordinal);
        Assert.Contains("minutes per learner/week", text, StringComparison.Ordinal);
        Assert.Contains("retention day 30", text, StringComparison.Ordinal);
        Assert.Contains("fixed: right +24 d, wrong +12 d, retire after 2 right in a row", text, StringComparison.Ordinal);
        Assert.Contains("fsrs matched to fixed's retention day 60", text, StringComparison.Ordinal);
        Assert.Matches(@"criterion \(fsrs >= 20% fewer reviews than fixed at the same or higher retention day 60\): (met|NOT met)", text);
    }

    [Fact]
    public void Simulate_command_runs_one_policy_and_rejects_bad_arguments()
    {
        using var one = new StringWriter();
        Assert.Equal(0, SimulateCommand.Run(["--learners", "5", "--days", "30", "--policy", "leitner"], one));
        var header = one.ToString().Split('\n').First(l => l.StartsWith("metric", StringComparison.Ordinal));
        Assert.Contains("leitner", header, StringComparison.Ordinal);
        Assert.DoesNotContain("fsrs", header, StringComparison.Ordinal);

        using var variant = new StringWriter();
        Assert.Equal(0, SimulateCommand.Run(["--learners", "5", "--days", "30", "--policy", "fixed", "--fixed", "42/21"], variant));
        Assert.Contains("fixed: right +42 d, wrong +21 d", variant.ToString(), StringComparison.Ordinal);

        using var bad = new StringWriter();
        Assert.Equal(2, SimulateCommand.Run(["--learners", "many"], bad));
        Assert.Contains("usage: simulate", bad.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, SimulateCommand.Run(["--policy", "anki"], bad));
        Assert.Equal(2, SimulateCommand.Run(["--fixed", "24"], bad));
        Assert.Equal(2, SimulateCommand.Run(["--truth-decay", "2"], bad));
    }
}
