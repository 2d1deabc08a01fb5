namespace Beacon.Bot.Cli;

/// <summary>Command-line verbs run instead of the web host: `dotnet run --project Bot -- &lt;verb&gt; ...`.</summary>
public static class CliVerbs
{
    private static readonly Dictionary<string, Func<string[], TextWriter, TextWriter, int>> Verbs = new(StringComparer.Ordinal)
    {
        ["content"] = ContentCommand.Run,
        ["manifest"] = ManifestCommand.Run,
        ["schedule"] = ScheduleCommand.Run,
        ["simulate"] = (args, output, _) => SimulateCommand.Run(args, output),
        ["storage"] = StorageCommand.Run,
    };

    /// <summary>True when the first argument names a verb (host options such as --urls start with a dash).</summary>
    public static bool IsVerb(string[] args) => args is [var first, ..] && !first.StartsWith('-');

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(error);
        if (Verbs.TryGetValue(args[0], out var verb))
        {
            return verb(args, output, error);
        }

        error.WriteLine($"Unknown command '{args[0]}'. Commands: {string.Join(", ", Verbs.Keys.Order(StringComparer.Ordinal))}.");
        error.WriteLine("Run the bot with no command: dotnet run --project Bot");
        return 2;
    }
}
