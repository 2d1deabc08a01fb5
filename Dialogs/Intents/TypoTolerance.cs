namespace Beacon.Dialogs.Intents;

/// <summary>
/// When a typed word counts as a concern word. Only words of 6+ letters may be typos, and never a
/// real word that happens to be close ("concert" is not "concern", "worries" is not "worried"), nor a
/// word the concern cues name themselves ("report" is not "deport"), nor a command word ("quit" is
/// never anything but itself).
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
            && !CommandWords.Contains(word)
            && !ConcernCues.Vocabulary.Contains(word)
            && EditDistance.IsCloseTo(word, target);
    }

    public static bool IsCommandWord(string word) => CommandWords.Contains(word);
}
