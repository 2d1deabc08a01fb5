namespace Beacon.Bot.Cli;

using System.Globalization;
using Beacon.Scheduler.Simulation;

/// <summary>
/// <c>simulate --learners N --days D [--policy fsrs|fixed|sm2|leitner] [--seed S] [--items I] [--size K]
/// [--retention R] [--retire DAYS] [--fixed RIGHT/WRONG[/STREAK]] [--truth-decay W20]</c>:
/// compares scheduling policies on simulated learners (see <see cref="Simulator"/>) and prints a
/// table, all four policies side by side when <c>--policy</c> is omitted, then issue 4's
/// comparison of FSRS with the fixed (Qstream) rule. See docs/simulation.md.
/// </summary>
public static class SimulateCommand
{
    private const string Usage =
        "usage: simulate --learners N --days D [--policy fsrs|fixed|sm2|leitner] [--seed S] [--items I] [--size K] [--retention R] [--retire DAYS] [--fixed RIGHT/WRONG[/STREAK]] [--truth-decay W20]";

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
                    "--size" => options with { Composer = options.Composer with { DefaultSize = PositiveInt(name, value) } },
                    "--retention" => options with { Fsrs = options.Fsrs with { DesiredRetention = Retention(value) } },
                    "--retire" => options with { Composer = options.Composer with { RetireStabilityDays = PositiveInt(name, value) } },
                    "--fixed" => options with { Fixed = FixedRuleOf(value) },
                    "--truth-decay" => options with { TruthDecay = Decay(value) },
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

        // Issue 4's comparison: FSRS as configured, and at the cheapest desired retention that
        // reaches fixed's retention on the last measured day.
        var fsrs = results.FirstOrDefault(r => r.Policy == SimulatedPolicy.Fsrs);
        var fixedRule = results.FirstOrDefault(r => r.Policy == SimulatedPolicy.Fixed);
        if (fsrs is not null && fixedRule is not null && fixedRule.Retention.Count > 0)
        {
            output.Write(Simulator.FormatComparison(Simulator.CompareWithFixed(options, fsrs, fixedRule), options));
        }

        return 0;
    }

    private static int PositiveInt(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new FormatException($"{name} must be a positive whole number");

    private static FixedRule FixedRuleOf(string value)
    {
        var parts = value.Split('/');
        if (parts.Length is < 2 or > 3)
        {
            throw new FormatException("--fixed takes RIGHT/WRONG[/STREAK] in days, e.g. 24/12 or 42/21/2");
        }

        return new FixedRule(
            PositiveInt("--fixed", parts[0]),
            PositiveInt("--fixed", parts[1]),
            parts.Length == 3 ? PositiveInt("--fixed", parts[2]) : 2);
    }

    private static double Decay(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d is >= 0.1 and <= 0.8
            ? d
            : throw new FormatException("--truth-decay must be between 0.1 and 0.8 (FSRS-6's bounds for w20)");

    private static double Retention(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && r is > 0 and < 1
            ? r
            : throw new FormatException("--retention must be between 0 and 1");
}
