namespace Beacon.Bot.Cli;

using System.Globalization;
using Beacon.Scheduler.Simulation;

/// <summary>
/// <c>simulate --learners N --days D [--policy fsrs|fixed|sm2|leitner] [--seed S] [--items I] [--size K] [--retention R] [--retire DAYS]</c>:
/// compares scheduling policies on simulated learners (see <see cref="Simulator"/>) and prints a
/// table, all four policies side by side when <c>--policy</c> is omitted.
/// </summary>
public static class SimulateCommand
{
    private const string Usage =
        "usage: simulate --learners N --days D [--policy fsrs|fixed|sm2|leitner] [--seed S] [--items I] [--size K] [--retention R] [--retire DAYS]";

    public static int Run(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var options = new SimulationOptions();
        SimulatedPolicy? only = null;
        try
        {
            for (var i = 0; i < args.Length; i++)
            {
                var name = args[i];
                if (name is "simulate")
                {
                    continue;
                }

                if (name is "-h" or "--help")
                {
                    output.WriteLine(Usage);
                    return 0;
                }

                if (i + 1 >= args.Length)
                {
                    throw new FormatException($"{name} needs a value");
                }

                var value = args[++i];
                options = name switch
                {
                    "--learners" => options with { Learners = PositiveInt(name, value) },
                    "--days" => options with { Days = PositiveInt(name, value) },
                    "--seed" => options with { Seed = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--items" => options with { Items = PositiveInt(name, value) },
                    "--size" => options with { SessionSize = PositiveInt(name, value) },
                    "--retention" => options with { Fsrs = options.Fsrs with { DesiredRetention = Retention(value) } },
                    "--retire" => options with { RetireStabilityDays = PositiveInt(name, value) },
                    "--policy" => options,
                    _ => throw new FormatException($"unknown option {name}"),
                };
                if (name == "--policy")
                {
                    only = Enum.TryParse<SimulatedPolicy>(value, ignoreCase: true, out var p) && Enum.IsDefined(p)
                        ? p
                        : throw new FormatException($"unknown policy '{value}' (fsrs, fixed, sm2, leitner)");
                }
            }
        }
        catch (FormatException e)
        {
            output.WriteLine(e.Message);
            output.WriteLine(Usage);
            return 2;
        }

        var results = only is { } single ? [Simulator.Run(single, options)] : Simulator.RunAll(options);
        output.Write(Simulator.FormatTable(results, options));

        // Same-retention comparison: the cheapest FSRS setting that reaches fixed's retention on the last measured day.
        var fsrs = results.FirstOrDefault(r => r.Policy == SimulatedPolicy.Fsrs);
        var fixedRule = results.FirstOrDefault(r => r.Policy == SimulatedPolicy.Fixed);
        if (fsrs is not null && fixedRule is not null && fixedRule.Retention.Count > 0)
        {
            var (day, target) = fixedRule.Retention[^1];
            var c = CultureInfo.InvariantCulture;
            var atDefault = (fsrs.ReviewsPerLearner / fixedRule.ReviewsPerLearner) - 1;
            output.WriteLine(string.Create(c,
                $"fsrs vs fixed at desired retention {options.Fsrs.DesiredRetention:0.00}: {atDefault:+0%;-0%} reviews, retention day {day} {fsrs.Retention[^1].Retention:0.000} vs {target:0.000}"));
            var matched = Simulator.MatchRetention(options, day, target);
            output.WriteLine(matched is { } m
                ? string.Create(c,
                    $"fsrs matched to fixed's retention day {day}: desired retention {m.DesiredRetention:0.000}, {m.Result.ReviewsPerLearner:0.0} reviews per learner ({(m.Result.ReviewsPerLearner / fixedRule.ReviewsPerLearner) - 1:+0%;-0%} vs fixed), retention {m.Result.Retention[^1].Retention:0.000}")
                : $"fsrs cannot reach fixed's retention at day {day} with desired retention up to 0.97");
        }

        return 0;
    }

    private static int PositiveInt(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new FormatException($"{name} must be a positive whole number");

    private static double Retention(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && r is > 0 and < 1
            ? r
            : throw new FormatException("--retention must be between 0 and 1");
}
