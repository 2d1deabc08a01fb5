namespace Beacon.Dialogs.Intents;

/// <summary>
/// The place names a typo may stand for: countries, states and cities of 6+ letters, spelt without
/// spaces ("newzealand") and grouped by first and last letter, so a typed word is compared with few.
/// </summary>
internal sealed class TypoTargets
{
    private TypoTargets(Dictionary<(char First, char Last), List<(string Spelling, IReadOnlyList<Place> Places)>> byFirstAndLastLetter, HashSet<string> firstWords)
    {
        ByFirstAndLastLetter = byFirstAndLastLetter;
        FirstWords = firstWords;
    }

    public IReadOnlyDictionary<(char First, char Last), List<(string Spelling, IReadOnlyList<Place> Places)>> ByFirstAndLastLetter { get; }

    /// <summary>First words of names of several words ("new", "san"), after which two typed words are read as one name.</summary>
    public IReadOnlySet<string> FirstWords { get; }

    public static TypoTargets From(IReadOnlyDictionary<string, IReadOnlyList<Place>> places, int shortest)
    {
        var byLetters = new Dictionary<(char, char), List<(string, IReadOnlyList<Place>)>>();
        var firstWords = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, readings) in places)
        {
            var standalone = readings.Where(place => place.Kind is PlaceKind.Country or PlaceKind.State or PlaceKind.City).ToList();
            var spelling = name.Replace(" ", string.Empty, StringComparison.Ordinal);
            if (standalone.Count == 0 || spelling.Length < shortest || !spelling.All(char.IsLetter))
            {
                continue;
            }

            var letters = (spelling[0], spelling[^1]);
            if (!byLetters.TryGetValue(letters, out var list))
            {
                byLetters[letters] = list = [];
            }

            list.Add((spelling, standalone));
            var space = name.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0 && name.IndexOf(' ', space + 1) < 0 && name[..space] != "the")
            {
                firstWords.Add(name[..space]);
            }
        }

        return new TypoTargets(byLetters, firstWords);
    }
}
