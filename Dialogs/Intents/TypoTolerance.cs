namespace Beacon.Dialogs.Intents;

/// <summary>
/// When a typed word counts as a concern word. Only words of 6+ letters may be typos, and never a
/// real word that happens to be close ("concert" is not "concern", "worries" is not "worried"), nor a
/// word the concern cues name themselves ("report" is not "deport"), nor a command word ("quit" is
/// never anything but itself), nor any English word near a cue ("shared" is not "scared"): those are
/// listed in near-cue-words.txt, generated from a word list by tools/near-cue-words.py.
/// </summary>
public static class TypoTolerance
{
    private const int MinimumLength = 6;

    private static readonly HashSet<string> RealNearMisses = new(StringComparer.Ordinal)
    {
        "concert", "concerts", "concerted", "worries", "repost", "reporter", "resort", "retort", "sacred", "scarred",
        "exploded", "brightened", "terrific", "auspicious", "snuggled", "struggled", "password", "passwords",
        "helping", "emergent", "wrapped", "tripped", "forces", "sorry", "threaded", "treated", "control",
        "cleaning", "leaning", "earning", "yearning", "meaning",
    };

    private static readonly HashSet<string> EnglishWordsNearCues = ReadEnglishWordsNearCues();

    private static readonly HashSet<string> CommandWords = new(StringComparer.Ordinal)
    {
        "quiz", "quit", "stop", "start", "learn", "refresher", "refresh", "progress", "settings", "setting", "pause",
        "resume", "unsubscribe", "campaign", "campaigns", "role", "track", "streak", "menu", "commands", "help",
    };

    public static bool Matches(string word, string target)
    {
        ArgumentNullException.ThrowIfNull(word);
        ArgumentNullException.ThrowIfNull(target);
        if (word == target)
        {
            return true;
        }

        return word.Length >= MinimumLength
            && target.Length >= MinimumLength
            && !RealNearMisses.Contains(word)
            && !EnglishWordsNearCues.Contains(word)
            && !CommandWords.Contains(word)
            && !ConcernCues.Vocabulary.Contains(word)
            && EditDistance.IsCloseTo(word, target);
    }

    public static bool IsCommandWord(string word) => CommandWords.Contains(word);

    private static HashSet<string> ReadEnglishWordsNearCues()
    {
        const string ResourceName = "Beacon.Dialogs.Intents.near-cue-words.txt";
        using var stream = typeof(TypoTolerance).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                words.Add(line);
            }
        }

        return words;
    }
}
