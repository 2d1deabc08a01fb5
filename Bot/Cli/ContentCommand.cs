namespace Beacon.Bot.Cli;

using Beacon.Training.Content;

/// <summary>
/// <c>content validate [dir] [--previous dir] [--allow-overdue-regions]</c> and <c>content stats [dir] [--review-months N]</c>, for content
/// authors. Exit codes: 0 valid (or stats printed), 1 the pack has errors, 2 usage error or no
/// content directory.
/// </summary>
public static class ContentCommand
{
    public const int Ok = 0;

    public const int Invalid = 1;

    public const int Usage = 2;

    private const string UsageText = """
        usage:
          content validate [dir] [--previous dir] [--allow-overdue-regions]
                                                     list every problem in the pack; exit code 1 on any error
          content stats [dir] [--review-months N]    questions per topic x track, per difficulty; refreshers; regions;
                                                     items past review (last review older than N months, default 12) and never reviewed
        dir defaults to the content folder beside TeamsBot.sln. --previous compares with an older copy of the
        pack (for example main's) and reports wording changed without a version bump, and removed ids.
        A region is flagged 30 days before its review_by date and refused 180 days after it, unless
        --allow-overdue-regions is given (the bot's setting is Content:AllowOverdueRegions).
        """;

    /// <summary>True when the process arguments ask for this command (first argument is "content").</summary>
    public static bool Handles(string[] args) =>
        args is { Length: > 0 } && string.Equals(args[0], "content", StringComparison.OrdinalIgnoreCase);

    /// <summary>Runs the command; <paramref name="args"/> may start with "content" or with the verb.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var rest = Handles(args) ? args.Skip(1).ToList() : args.ToList();
        if (rest.Count == 0)
        {
            error.WriteLine(UsageText);
            return Usage;
        }

        var verb = rest[0].ToLowerInvariant();
        rest.RemoveAt(0);
        var allowOverdue = rest.RemoveAll(a => a == "--allow-overdue-regions") > 0;
        var reviewMonths = ContentStats.DefaultReviewMonths;
        var monthsIndex = rest.IndexOf("--review-months");
        if (monthsIndex >= 0)
        {
            if (verb != "stats" || monthsIndex + 1 >= rest.Count
                || !int.TryParse(rest[monthsIndex + 1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out reviewMonths)
                || reviewMonths < 1)
            {
                error.WriteLine(UsageText);
                return Usage;
            }

            rest.RemoveRange(monthsIndex, 2);
        }

        if (allowOverdue && verb != "validate")
        {
            error.WriteLine(UsageText);
            return Usage;
        }

        string? previousDir = null;
        var previousIndex = rest.FindIndex(a => a is "--previous" or "-p");
        if (previousIndex >= 0)
        {
            if (previousIndex + 1 >= rest.Count || verb != "validate")
            {
                error.WriteLine(UsageText);
                return Usage;
            }

            previousDir = InvocationDirectory.FullPath(rest[previousIndex + 1]);
            rest.RemoveRange(previousIndex, 2);
        }

        if (rest.Count > 1 || rest.Exists(a => a.StartsWith('-')))
        {
            error.WriteLine(UsageText);
            return Usage;
        }

        var directory = rest.Count == 1 ? InvocationDirectory.FullPath(rest[0]) : ContentDirectory.Find(null, InvocationDirectory.Current, Environment.CurrentDirectory, AppContext.BaseDirectory);
        if (directory is null || !Directory.Exists(directory))
        {
            error.WriteLine(directory is null
                ? $"Cannot find the content directory; pass it (content {verb} path/to/content) or run inside the repository."
                : $"The content directory '{directory}' does not exist.");
            return Usage;
        }

        return verb switch
        {
            "validate" => Validate(directory, previousDir, ContentLoadOptions.On(TimeProvider.System, allowOverdue), output, error),
            "stats" => Stats(directory, reviewMonths, output, error),
            _ => UnknownVerb(verb, error),
        };
    }

    private static int Validate(string directory, string? previousDir, ContentLoadOptions options, TextWriter output, TextWriter error)
    {
        ContentLoadResult? previous = null;
        if (previousDir is not null)
        {
            if (!Directory.Exists(previousDir))
            {
                error.WriteLine($"The previous content directory '{previousDir}' does not exist.");
                return Usage;
            }

            previous = ContentPackLoader.Load(previousDir, options: options);
        }

        var result = ContentPackLoader.Load(directory, previous, options);
        foreach (var problem in result.Problems)
        {
            output.WriteLine((problem.IsError ? "error: " : "warning: ") + problem);
        }

        var errors = result.Errors.Count();
        var warnings = result.Warnings.Count();
        var pack = result.PartialPack;
        var counts = pack is null ? string.Empty : $" ({pack.Questions.Count} questions, {pack.Refreshers.Count} refreshers, {pack.Regions.Count} regions read)";
        output.WriteLine(errors == 0
            ? $"Content pack in {directory} is valid{counts}: {warnings} {Plural(warnings, "warning")}."
            : $"Content pack in {directory} is INVALID{counts}: {errors} {Plural(errors, "error")}, {warnings} {Plural(warnings, "warning")}.");
        return errors == 0 ? Ok : Invalid;
    }

    private static int Stats(string directory, int reviewMonths, TextWriter output, TextWriter error)
    {
        var result = ContentPackLoader.Load(directory);
        if (result.PartialPack is null)
        {
            error.WriteLine($"Nothing could be read from {directory}; run: content validate");
            return Invalid;
        }

        output.Write(ContentStats.From(result.PartialPack, reviewMonths: reviewMonths).Render());
        var errors = result.Errors.Count();
        if (errors > 0)
        {
            output.WriteLine();
            output.WriteLine($"Note: the pack has {errors} {Plural(errors, "error")}; items with errors are not counted. Run: content validate");
        }

        return Ok;
    }

    private static int UnknownVerb(string verb, TextWriter error)
    {
        error.WriteLine($"Unknown content command '{verb}'.");
        error.WriteLine(UsageText);
        return Usage;
    }

    private static string Plural(int count, string word) => count == 1 ? word : word + "s";
}
