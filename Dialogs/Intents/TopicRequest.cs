namespace Beacon.Dialogs.Intents;

/// <summary>The words of "learn &lt;topic&gt;", "refresher on &lt;topic&gt;", "&lt;topic&gt; refresher".</summary>
public static class TopicRequest
{
    private static readonly HashSet<string> CommandWords = new(StringComparer.Ordinal) { "learn", "refresher", "refreshers", "refresh" };

    /// <summary>Words around the topic that do not name it: "give me a refresher on the law please".</summary>
    private static readonly HashSet<string> Framing = new(StringComparer.Ordinal)
    {
        "about", "on", "more", "me", "a", "an", "the", "some", "of", "for", "topic", "up", "please", "pls", "give", "show", "send",
        "i", "want", "to", "card", "can", "could", "you", "would", "like", "quick", "another", "new", "something", "my", "memory", "with",
    };

    /// <summary>What the learner asked to learn, as they wrote it (lower case); null for a bare "refresher".</summary>
    public static string? AskedFor(string? text)
    {
        var words = TextNormalizer.Words(text);
        var command = words.ToList().FindIndex(CommandWords.Contains);
        if (command < 0)
        {
            return null;
        }

        var after = Trim(words.Skip(command + 1).ToList());
        var asked = after.Count > 0 ? after : Trim(words.Take(command).ToList());
        return asked.Count == 0 ? null : string.Join(' ', asked);
    }

    private static List<string> Trim(List<string> words)
    {
        var start = words.FindIndex(word => !Framing.Contains(word));
        if (start < 0)
        {
            return [];
        }

        var end = words.FindLastIndex(word => !Framing.Contains(word));
        return words.GetRange(start, end - start + 1);
    }
}
