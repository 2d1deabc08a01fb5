namespace Beacon.Bench.Turns;

using System.Globalization;

/// <summary>Options of <c>turns</c>.</summary>
internal sealed record TurnsOptions
{
    public const string Usage =
        "usage: turns [--concurrency N] [--duration S] [--warmup S] [--peers all|none|botbuilder|agents] " +
        "[--store all|sqlite|azurite] [--startups K] [--bot path/to/Beacon.Bot.dll]";

    /// <summary>Concurrent virtual learners (each with its own tenant, user and conversation).</summary>
    public int Concurrency { get; init; } = 64;

    /// <summary>Measured seconds per target.</summary>
    public double DurationSeconds { get; init; } = 20;

    /// <summary>Unmeasured seconds per target before the measurement (JIT tiers, pools, caches).</summary>
    public double WarmupSeconds { get; init; } = 10;

    public bool BotBuilder { get; init; } = true;

    public bool AgentsHosting { get; init; } = true;

    public bool Sqlite { get; init; } = true;

    public bool Azurite { get; init; } = true;

    /// <summary>How many times Beacon is started to time start-up to a ready /readyz.</summary>
    public int Startups { get; init; } = 5;

    /// <summary>Another build of Beacon to measure (to compare two builds); default: Bot's output in this configuration.</summary>
    public string? BotDll { get; init; }

    public static TurnsOptions? Parse(string[] args, TextWriter error)
    {
        var options = new TurnsOptions();
        for (var i = 0; i < args.Length; i++)
        {
            if (i + 1 >= args.Length)
            {
                error.WriteLine($"missing value for {args[i]}; {Usage}");
                return null;
            }

            var value = args[++i];
            switch (args[i - 1])
            {
                case "--concurrency" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 4096:
                    options = options with { Concurrency = n };
                    break;
                case "--duration" when double.TryParse(value, CultureInfo.InvariantCulture, out var s) && s is > 0 and <= 3600:
                    options = options with { DurationSeconds = s };
                    break;
                case "--warmup" when double.TryParse(value, CultureInfo.InvariantCulture, out var w) && w is >= 0 and <= 600:
                    options = options with { WarmupSeconds = w };
                    break;
                case "--startups" when int.TryParse(value, CultureInfo.InvariantCulture, out var k) && k is >= 1 and <= 50:
                    options = options with { Startups = k };
                    break;
                case "--bot" when File.Exists(value):
                    options = options with { BotDll = Path.GetFullPath(value) };
                    break;
                case "--peers" when value is "all" or "none" or "botbuilder" or "agents":
                    options = options with { BotBuilder = value is "all" or "botbuilder", AgentsHosting = value is "all" or "agents" };
                    break;
                case "--store" when value is "all" or "sqlite" or "azurite":
                    options = options with { Sqlite = value is "all" or "sqlite", Azurite = value is "all" or "azurite" };
                    break;
                default:
                    error.WriteLine($"bad option {args[i - 1]} {value}; {Usage}");
                    return null;
            }
        }

        return options;
    }
}
