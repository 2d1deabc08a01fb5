namespace Beacon.Tests.Scheduler;

using Beacon.Bot.Cli;
using Beacon.Scheduler.Simulation;

public class SimulatorTests
{
    private static readonly SimulationOptions Small = new() { Learners = 40, Days = 90, Items = 30, Seed = 7 };

    [Fact]
    public void Runs_are_deterministic_by_seed()
    {
        var a = Simulator.Run(SimulatedPolicy.Fsrs, Small);
        var b = Simulator.Run(SimulatedPolicy.Fsrs, Small);
        var other = Simulator.Run(SimulatedPolicy.Fsrs, Small with { Seed = 8 });

        Assert.Equal(a.ReviewsPerLearner, b.ReviewsPerLearner);
        Assert.Equal(a.Retention, b.Retention);
        Assert.NotEqual(a.Retention, other.Retention);
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
    public void Higher_desired_retention_costs_reviews_and_buys_retention()
    {
        var low = Simulator.Run(SimulatedPolicy.Fsrs, Small with { Fsrs = Small.Fsrs with { DesiredRetention = 0.7 } });
        var high = Simulator.Run(SimulatedPolicy.Fsrs, Small with { Fsrs = Small.Fsrs with { DesiredRetention = 0.95 } });

        Assert.True(high.ReviewsPerLearner > low.ReviewsPerLearner);
        Assert.True(high.Retention[^1].Retention > low.Retention[^1].Retention);
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
        Assert.Contains("fsrs matched to fixed's retention", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_command_runs_one_policy_and_rejects_bad_arguments()
    {
        using var one = new StringWriter();
        Assert.Equal(0, SimulateCommand.Run(["--learners", "5", "--days", "30", "--policy", "leitner"], one));
        var header = one.ToString().Split('\n').First(l => l.StartsWith("metric", StringComparison.Ordinal));
        Assert.Contains("leitner", header, StringComparison.Ordinal);
        Assert.DoesNotContain("fsrs", header, StringComparison.Ordinal);

        using var bad = new StringWriter();
        Assert.Equal(2, SimulateCommand.Run(["--learners", "many"], bad));
        Assert.Contains("usage: simulate", bad.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, SimulateCommand.Run(["--policy", "anki"], bad));
    }
}
