namespace Beacon.Dialogs.Intents;

/// <summary>Finding a phrase (a run of normalised words) in a message's words.</summary>
public static class WordSequence
{
    /// <summary>Where <paramref name="phrase"/> starts in <paramref name="words"/> at or after <paramref name="from"/>; -1 when it does not.</summary>
    public static int IndexOf(IReadOnlyList<string> words, IReadOnlyList<string> phrase, int from = 0)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(phrase);
        for (var start = from; start + phrase.Count <= words.Count; start++)
        {
            var all = true;
            for (var k = 0; k < phrase.Count && all; k++)
            {
                all = words[start + k] == phrase[k];
            }

            if (all)
            {
                return start;
            }
        }

        return -1;
    }

    public static bool Contains(IReadOnlyList<string> words, IReadOnlyList<string> phrase) => IndexOf(words, phrase) >= 0;

    /// <summary>Marks in <paramref name="covered"/> every word that is part of an occurrence of one of <paramref name="phrases"/>; true when any occurs.</summary>
    public static bool Cover(IReadOnlyList<string> words, IEnumerable<string[]> phrases, bool[] covered)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        ArgumentNullException.ThrowIfNull(covered);
        var found = false;
        foreach (var phrase in phrases)
        {
            for (var start = IndexOf(words, phrase); start >= 0; start = IndexOf(words, phrase, start + 1))
            {
                found = true;
                Array.Fill(covered, true, start, phrase.Length);
            }
        }

        return found;
    }
}
