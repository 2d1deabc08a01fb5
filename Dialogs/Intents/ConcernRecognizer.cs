namespace Beacon.Dialogs.Intents;

/// <summary>
/// Decides whether a message comes from someone worried about a person (or about themselves):
/// asking how to report or whom to call, naming trafficking or exploitation, or describing a
/// person held, owing, unpaid, threatened or sold. Beacon commands and talk about learning win
/// over subject words ("learn debt bondage", "quiz me on forced labour"); an explicit wish to
/// report wins over everything. Word patterns only: cheap, deterministic and measured by the
/// <c>understanding</c> bench against a held-out corpus.
/// </summary>
public static class ConcernRecognizer
{
    private static readonly HashSet<string> CommandLeads = new(StringComparer.Ordinal)
    {
        "learn", "quiz", "refresher", "refresh", "teach", "explain", "practice", "practise", "start", "next", "progress",
        "settings", "setting", "setings", "role", "pause", "resume", "unpause", "stop", "quit", "unsubscribe", "campaign",
        "campaigns", "streak",
    };

    /// <summary>A "report" after one of these is a document, not a wish to report ("our report is due").</summary>
    private static readonly HashSet<string> DocumentWords = new(StringComparer.Ordinal)
    {
        "the", "our", "my", "a", "an", "this", "that", "quarterly", "monthly", "weekly", "annual", "sales", "progress",
        "campaign", "your", "daily", "expense", "status", "final", "written", "full", "their", "his", "her", "school",
        "incident", "accident", "expenses", "trip", "book", "credit", "weather", "news", "bug", "audit",
    };

    private static readonly HashSet<string> ReportingVerbsForDocuments = new(StringComparer.Ordinal) { "make", "file", "submit", "give", "raise" };

    /// <summary>What follows "report" when the report is about a thing to fix or paperwork: "report the broken lift", "report a bug".</summary>
    private static readonly HashSet<string> FaultsAndPaperwork = new(StringComparer.Ordinal)
    {
        "bug", "bugs", "error", "errors", "problem", "glitch", "issue", "card", "cards", "template", "deadline", "due", "broken", "faulty",
        "fault", "faults", "leak", "leaks", "leaking", "outage", "outages", "lift", "elevator", "printer", "heating", "aircon", "pothole",
        "spill", "damage", "damaged", "timesheet", "timesheets", "expenses", "typo", "crash", "crashes", "wifi", "network",
    };

    public static bool IsConcern(string? text) => IsConcern(TextNormalizer.Words(text));

    public static bool IsConcern(IReadOnlyList<string> words) => Reason(words) is not null;

    /// <summary>Why <paramref name="words"/> read as a concern (the cue that matched), or null when they do not.</summary>
    public static string? Reason(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (words.Count == 0)
        {
            return null;
        }

        if (AsksToReport(words))
        {
            return "asks to report";
        }

        if (IsCommand(words))
        {
            return null;
        }

        if (FirstIn(ConcernCues.Asks, words) is { } ask)
        {
            return ask;
        }

        if (FirstIn(ConcernCues.StudyOrMedia, words) is not null || ConcernCues.JokingTone.IsFoundIn(words) || ConcernConcepts.IsEverydayIdiom(words))
        {
            return null;
        }

        if (FirstIn(ConcernCues.LearningContext, words) is null && FirstIn(ConcernCues.Topics, words) is { } topic)
        {
            return topic;
        }

        if (FirstIn(ConcernCues.Worries, words) is { } worry && FirstIn(ConcernCues.NegatedWorries, words) is null)
        {
            return worry;
        }

        return FirstIn(ConcernCues.Situations, words)
            ?? (IsAboutYoungPerson(words) ? FirstIn(ConcernCues.YoungSituations, words) : null)
            ?? (ConcernConcepts.ReadsAsConcern(words) ? "someone with signs of control" : null);
    }

    /// <summary>
    /// The words settle that this is not a concern, whatever a similarity reader would say: a Beacon
    /// command, a report that is a document ("our report is due"), talk about studying or media, a
    /// joking tone, an everyday idiom ("stuck in traffic", "forced to reboot"), or a subject word
    /// asked about as learning ("what's the law on modern slavery").
    /// </summary>
    public static bool IsSettledEveryday(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return words.Count > 0
            && !AsksToReport(words)
            && (IsCommand(words)
                || ConcernCues.ReportWords.Any(words.Contains)
                || FirstIn(ConcernCues.StudyOrMedia, words) is not null
                || ConcernCues.JokingTone.IsFoundIn(words)
                || ConcernConcepts.IsEverydayIdiom(words)
                || (FirstIn(ConcernCues.LearningContext, words) is not null && FirstIn(ConcernCues.Topics, words) is not null));
    }

    /// <summary>Starts with a Beacon command word: "learn debt bondage", "quiz me on forced labour", "stop".</summary>
    public static bool IsCommand(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return words.Count > 0 && CommandLeads.Contains(words[0]);
    }

    /// <summary>"report", "how do I report this", "I want to make a report": not "our report is due" nor "report a bug".</summary>
    public static bool AsksToReport(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (!ConcernCues.ReportWords.Any(report => TypoTolerance.Matches(word, report)))
            {
                continue;
            }

            var isDocument = i > 0 && DocumentWords.Contains(words[i - 1])
                && !(i > 1 && ReportingVerbsForDocuments.Contains(words[i - 2]));
            var isFaultOrPaperwork = words.Skip(i + 1).Take(3).Any(FaultsAndPaperwork.Contains);
            if (!isDocument && !isFaultOrPaperwork)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAboutYoungPerson(IReadOnlyList<string> words) =>
        ConcernCues.YoungPerson.IsFoundIn(words) || ConcernCues.Age.IsFoundIn(words);

    private static string? FirstIn(PhrasePattern[] patterns, IReadOnlyList<string> words)
    {
        foreach (var pattern in patterns)
        {
            if (pattern.IsFoundIn(words))
            {
                return pattern.Text;
            }
        }

        return null;
    }
}
