namespace Beacon.Dialogs.Intents;

/// <summary>
/// Maps typed text to an intent. Precedence: a reporting need wins over everything else, in any
/// state, because someone may be worried about a real person right now; only the explicit
/// "progress report" / "campaign report" phrases go elsewhere.
/// </summary>
public static class IntentRecognizer
{
    private static readonly string[] ReportWords =
    [
        "report", "reporting", "hotline", "helpline", "trafficking", "trafficked", "trafficker", "concern",
        "concerned", "worried", "worry", "suspect", "suspicious", "emergency", "danger", "unsafe", "exploited",
        "exploitation", "enslaved", "slavery", "forced", "safeguarding", "victim", "bondage", "passport",
        "passports", "scared", "frightened", "abused", "smuggled", "trapped", "groomed", "grooming",
    ];

    /// <summary>Asking whom to contact: "who" with a contacting verb anywhere after it.</summary>
    private static readonly string[] ContactVerbs = ["call", "contact", "tell", "ring", "phone", "report", "alert", "notify"];

    /// <summary>Someone held back: a negation followed closely by being allowed, let, or leaving.</summary>
    private static readonly string[] Negations = ["not", "never", "cant", "cannot", "wont", "wouldnt", "doesnt", "isnt", "arent", "dont"];

    private static readonly string[] HeldBack = ["allowed", "let", "leave", "go", "speak", "talk"];

    private static readonly string[] SpeakingVerbs = ["talks", "speaks", "answers", "answered", "talked", "spoke"];

    private static readonly string[][] ReportPhrases =
    [
        ["who", "do", "i", "call"],
        ["who", "should", "i", "call"],
        ["who", "do", "i", "tell"],
        ["who", "should", "i", "tell"],
        ["what", "do", "i", "do"],
        ["what", "should", "i", "do"],
        ["is", "this", "trafficking"],
        ["need", "help"],
        ["what", "number"],
        ["which", "number"],
        ["owes", "money"],
        ["owe", "money"],
        ["in", "debt"],
        ["being", "held"],
        ["not", "allowed", "to", "leave"],
        ["cant", "leave"],
        ["took", "her", "passport"],
        ["took", "his", "passport"],
        ["taken", "passport"],
    ];

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

    private static bool IsReportingNeed(IReadOnlyList<string> words)
    {
        if (IsFeatureReport(words))
        {
            return false;
        }

        if (words.Any(word => ReportWords.Any(target => EditDistance.IsCloseTo(word, target))))
        {
            return true;
        }

        return ReportPhrases.Any(phrase => ContainsSequence(words, phrase))
            || AsksWhomToContact(words)
            || DescribesSomeoneHeldBack(words)
            || DescribesSomeoneSpokenFor(words);
    }

    private static bool AsksWhomToContact(IReadOnlyList<string> words)
    {
        var who = words.ToList().IndexOf("who");
        return who >= 0 && words.Skip(who + 1).Any(word => ContactVerbs.Any(verb => EditDistance.IsCloseTo(word, verb)));
    }

    private static bool DescribesSomeoneHeldBack(IReadOnlyList<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (Negations.Contains(words[i]) && words.Skip(i + 1).Take(3).Any(HeldBack.Contains))
            {
                return true;
            }
        }

        return false;
    }

    private static bool DescribesSomeoneSpokenFor(IReadOnlyList<string> words)
    {
        for (var i = 0; i + 2 < words.Count; i++)
        {
            if (SpeakingVerbs.Contains(words[i]) && words[i + 1] == "for" && words[i + 2] is "her" or "him" or "them")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"progress report" and "campaign report" are features, not a concern.</summary>
    private static bool IsFeatureReport(IReadOnlyList<string> words)
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

    private static bool ContainsSequence(IReadOnlyList<string> words, string[] phrase)
    {
        for (var start = 0; start + phrase.Length <= words.Count; start++)
        {
            var all = true;
            for (var k = 0; k < phrase.Length && all; k++)
            {
                all = words[start + k] == phrase[k];
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }
}
