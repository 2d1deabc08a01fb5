namespace Beacon.Dialogs.Intents;

/// <summary>
/// "stop", "unsubscribe", "turn off", "quit", "stop sending me quizzes", "no more quizzes": the
/// whole message asks Beacon to stop sending. Answered with an offer to pause or turn off, never a
/// quiz. A message with other words ("stop the campaign", "she can't stop working") is not one.
/// Checked after the reporting need.
/// </summary>
public static class StopCommands
{
    private static readonly string[][] StopPhrases =
    [
        ["stop"], ["unsubscribe"], ["quit"], ["turn", "off"], ["switch", "off"], ["no", "more"], ["opt", "out"],
        ["leave", "me", "alone"], ["dont", "send"], ["do", "not", "send"], ["dont", "want"], ["do", "not", "want"], ["enough"],
    ];

    /// <summary>What may come with a stop phrase: what to stop, and politeness.</summary>
    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
    {
        "me", "my", "the", "these", "those", "them", "it", "this", "please", "pls", "plz", "now", "all", "any", "from", "you", "of",
        "for", "i", "just", "beacon", "bot", "sending", "send", "getting", "quiz", "quizzes", "quizes", "question", "questions",
        "daily", "messages", "message", "reminders", "reminder", "notifications", "sessions", "training", "cards", "emails",
        "thanks", "thank", "want", "to", "get", "receive", "receiving", "already", "more", "subscription", "everything",
    };

    private const int MaxWords = 9;

    public static bool IsStop(string? text)
    {
        var words = TextNormalizer.Words(text);
        if (words.Count is 0 or > MaxWords)
        {
            return false;
        }

        var covered = new bool[words.Count];
        var found = WordSequence.Cover(words, StopPhrases, covered);
        return found && words.Select((word, i) => covered[i] || Allowed.Contains(word)).All(ok => ok);
    }
}
