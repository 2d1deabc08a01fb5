namespace Beacon.Dialogs.Intents;

/// <summary>
/// Maps typed text to an intent. Precedence: a concern (<see cref="ConcernRecognizer"/>) wins over
/// everything else, in any state, because someone may be worried about a real person right now;
/// a message led by a command word stays that command ("learn debt bondage"), and the explicit
/// "progress report" / "campaign report" phrases go elsewhere.
/// </summary>
public static class IntentRecognizer
{
    private static readonly Dictionary<string, Intent> CommandWords = new(StringComparer.Ordinal)
    {
        ["quiz"] = Intent.Quiz,
        ["question"] = Intent.Quiz,
        ["practice"] = Intent.Quiz,
        ["next"] = Intent.Quiz,
        ["start"] = Intent.Quiz,
        ["help"] = Intent.Help,
        ["menu"] = Intent.Help,
        ["commands"] = Intent.Help,
        ["refresher"] = Intent.Refresher,
        ["refresh"] = Intent.Refresher,
        ["learn"] = Intent.Refresher,
        ["role"] = Intent.ChooseTrack,
        ["track"] = Intent.ChooseTrack,
        ["settings"] = Intent.ChooseTrack,
        ["hi"] = Intent.Greeting,
        ["hello"] = Intent.Greeting,
        ["hey"] = Intent.Greeting,
        ["thanks"] = Intent.Thanks,
        ["thank"] = Intent.Thanks,
        ["thx"] = Intent.Thanks,
        ["ok"] = Intent.Thanks,
        ["progress"] = Intent.Progress,
        ["streak"] = Intent.Progress,
    };

    public static Intent Recognize(string? text)
    {
        var words = TextNormalizer.Words(text);
        if (words.Count == 0)
        {
            return Intent.Unknown;
        }

        if (IsReportingNeed(words))
        {
            return Intent.Report;
        }

        if (words.Any(word => EditDistance.IsCloseTo(word, "campaign")) && words.Any(word => EditDistance.IsCloseTo(word, "report")))
        {
            return Intent.CampaignReport;
        }

        foreach (var word in words)
        {
            if (CommandWords.TryGetValue(word, out var exact))
            {
                return exact;
            }
        }

        foreach (var word in words.Where(w => w.Length >= 4))
        {
            var close = CommandWords.Keys.FirstOrDefault(command => command.Length >= 4 && EditDistance.IsCloseTo(word, command));
            if (close is not null)
            {
                return CommandWords[close];
            }
        }

        return Intent.Unknown;
    }

    /// <summary>Just the word "report": guidance first, with a way to the progress report in case that was meant.</summary>
    public static bool IsBareReport(string? text) => TextNormalizer.Words(text) is [var only] && EditDistance.IsCloseTo(only, "report");

    private static bool IsReportingNeed(IReadOnlyList<string> words) => !IsFeatureReport(words) && ConcernRecognizer.IsConcern(words);

    /// <summary>"progress report" and "campaign report" are features, not a concern.</summary>
    internal static bool IsFeatureReport(IReadOnlyList<string> words)
    {
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if ((words[i] is "progress" or "campaign" or "my") && EditDistance.IsCloseTo(words[i + 1], "report"))
            {
                return words.Count <= 4;
            }
        }

        return false;
    }
}
