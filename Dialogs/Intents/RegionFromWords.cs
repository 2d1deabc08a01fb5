namespace Beacon.Dialogs.Intents;

using Beacon.Training.Content;

/// <summary>
/// The pack region for the place a message names ("I'm in the UK", "Cebu", "Queens NY"), from the
/// gazetteer (places.tsv), so the reply shows that place's numbers. Longest names first ("Northern
/// Ireland" over "Ireland"). Names that are also words are read only in place context (see
/// <see cref="PlaceKind"/>); a name shared by several countries takes the country another place in
/// the message agrees with ("Perth WA", "London, Ontario"), else its usual one. Where the person is
/// ("in", "at", "near") wins over where someone came from ("from"), and a country over "Europe".
/// A misspelt name ("londn", "phillipines") is read only when nothing is named exactly.
/// </summary>
public sealed class RegionFromWords
{
    private const string EuropeanUnion = "EU";
    private const int ShortestTypo = 5;
    private const int ShortestTypoTarget = 6;
    private const int LongTypoTarget = 10;

    private static readonly HashSet<string> WherePrepositions = new(StringComparer.Ordinal)
    {
        "in", "at", "near", "nr", "around", "outside", "across", "within", "throughout", "to", "into",
    };

    private const string FromPreposition = "from";

    /// <summary>Before a misspelt name: "in", "from", "near"; not "to" or "at", which precede too many ordinary words ("to contact", "at the shelter").</summary>
    private static readonly HashSet<string> TypoPrepositions = new(StringComparer.Ordinal)
    {
        "in", "from", "near", "nr", "around", "outside",
    };

    /// <summary>Abbreviations that are also words: never a heading on their own.</summary>
    private static readonly HashSet<string> WordLikeAbbreviations = new(StringComparer.Ordinal)
    {
        "in", "or", "me", "hi", "ok", "oh", "as", "id", "ma", "pa", "co", "al",
    };

    private readonly ContentPack pack;
    private readonly Dictionary<string, string> regionByCountry;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<Place>> places;
    private readonly int longestName;
    private readonly Lazy<TypoTargets> typos;

    public RegionFromWords(ContentPack pack)
        : this(pack, new Gazetteer(PlaceNames.ByName))
    {
    }

    public RegionFromWords(ContentPack pack, Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(gazetteer);
        this.pack = pack;
        places = gazetteer.ByName;
        longestName = gazetteer.LongestName;
        regionByCountry = pack.Regions
            .SelectMany(region => region.Countries.Select(country => (Country: country, region.Code)))
            .DistinctBy(entry => entry.Country)
            .ToDictionary(entry => entry.Country, entry => entry.Code, StringComparer.Ordinal);
        typos = new(() => TypoTargets.From(places, ShortestTypoTarget));
    }

    /// <summary>The pack region code for the place named in <paramref name="text"/>, or null when none is named.</summary>
    public string? RegionCode(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var words = TypedWord.Split(text);
        var shouting = !text.Any(char.IsLower);
        var mentions = FindMentions(words, shouting, StartsWithHeading(text, words));
        if (mentions.Count == 0)
        {
            mentions = FindMisspeltMentions(words);
        }

        var country = ChooseCountry(mentions);
        return country is null ? null : RegionOf(country);
    }

    private string RegionOf(string country) =>
        regionByCountry.TryGetValue(country, out var code) ? code
        : country == EuropeanUnion && pack.FindRegion(EuropeanUnion) is { } europe ? europe.Code
        : pack.DefaultRegionCode;

    private List<PlaceMention> FindMentions(IReadOnlyList<TypedWord> words, bool shouting, bool heading)
    {
        var mentions = new List<PlaceMention>();
        var start = 0;
        while (start < words.Count)
        {
            var inPlaceContext = (mentions.Count > 0 && mentions[^1].End == start) || (start == 0 && heading);
            var mention = LongestMentionAt(words, start, shouting, inPlaceContext);
            if (mention is null)
            {
                start++;
                continue;
            }

            if (mention.Places.Count > 0 || mention.PlacesIfAnotherAgrees.Count > 0)
            {
                mentions.Add(mention);
            }

            start = mention.End;
        }

        return mentions;
    }

    private PlaceMention? LongestMentionAt(IReadOnlyList<TypedWord> words, int start, bool shouting, bool followsPlace)
    {
        var preposition = PrepositionBefore(words, start);
        for (var length = Math.Min(longestName, words.Count - start); length >= 1; length--)
        {
            if (!places.TryGetValue(KeyOf(words, start, length), out var readings))
            {
                continue;
            }

            if (readings.Any(place => place.Kind == PlaceKind.NotAPlace))
            {
                return new PlaceMention(start, start + length, preposition, [], []);
            }

            var typed = words.Skip(start).Take(length).ToList();
            var firm = new List<Place>();
            var ifConfirmed = new List<Place>();
            foreach (var place in readings)
            {
                switch (Reading(place.Kind, typed, shouting, preposition, followsPlace))
                {
                    case NameReading.Place:
                        firm.Add(place);
                        break;
                    case NameReading.IfAnotherPlaceAgrees:
                        ifConfirmed.Add(place);
                        break;
                }
            }

            if (firm.Count > 0 || ifConfirmed.Count > 0)
            {
                return new PlaceMention(start, start + length, preposition, firm, ifConfirmed);
            }
        }

        return null;
    }

    private static NameReading Reading(PlaceKind kind, List<TypedWord> typed, bool shouting, Preposition preposition, bool followsPlace)
    {
        var capitals = !shouting && typed.TrueForAll(word => word.IsCapitals);
        var capitalised = !shouting && typed[0].IsCapitalised;
        var placeContext = preposition != Preposition.None || followsPlace;
        return kind switch
        {
            PlaceKind.Country or PlaceKind.State or PlaceKind.City or PlaceKind.Borough => NameReading.Place,
            PlaceKind.Capitals => capitals ? NameReading.Place : NameReading.Not,
            PlaceKind.Abbreviation => !capitals ? NameReading.Not : placeContext ? NameReading.Place : NameReading.IfAnotherPlaceAgrees,
            PlaceKind.AfterPreposition => preposition != Preposition.None ? NameReading.Place : NameReading.IfAnotherPlaceAgrees,
            PlaceKind.CapitalisedAfterPreposition => !capitalised ? NameReading.Not : preposition != Preposition.None ? NameReading.Place : NameReading.IfAnotherPlaceAgrees,
            _ => NameReading.Not,
        };
    }

    /// <summary>
    /// A message headed by a place abbreviation ("FL - a massage parlor...", "NY: ..."), unless the
    /// abbreviation is also a word ("OK - so...", "HI: ...").
    /// </summary>
    private static bool StartsWithHeading(string text, IReadOnlyList<TypedWord> words)
    {
        if (words.Count < 2 || !words[0].IsCapitals || WordLikeAbbreviations.Contains(words[0].Key))
        {
            return false;
        }

        var rest = text.AsSpan(text.IndexOf(words[0].Typed, StringComparison.Ordinal) + words[0].Typed.Length).TrimStart();
        return rest.Length > 0 && rest[0] is '-' or ':' or '\u2013' or '\u2014';
    }

    /// <summary>"in", "near"... (or "from") just before the name, allowing "the": "in the ACT".</summary>
    private static Preposition PrepositionBefore(IReadOnlyList<TypedWord> words, int start) =>
        WordBefore(words, start) switch
        {
            { } word when WherePrepositions.Contains(word) => Preposition.Where,
            FromPreposition => Preposition.From,
            _ => Preposition.None,
        };

    /// <summary>The word before <paramref name="start"/>, skipping one "the".</summary>
    private static string? WordBefore(IReadOnlyList<TypedWord> words, int start)
    {
        var before = start - 1;
        if (before >= 0 && words[before].Key == "the")
        {
            before--;
        }

        return before >= 0 ? words[before].Key : null;
    }

    /// <summary>
    /// A likely typo of a place name of 6+ letters after a place preposition ("in londn", "from the
    /// phillipines", "in new zeland"), only when nothing was named exactly. Same first and last letter.
    /// </summary>
    private List<PlaceMention> FindMisspeltMentions(IReadOnlyList<TypedWord> words)
    {
        var mentions = new List<PlaceMention>();
        for (var start = 0; start < words.Count; start++)
        {
            var preposition = PrepositionBefore(words, start);
            if (words[start].Key == "the" || WordBefore(words, start) is not { } before || !TypoPrepositions.Contains(before))
            {
                continue;
            }

            var twoWords = start + 1 < words.Count && typos.Value.FirstWords.Contains(words[start].Key)
                ? words[start].Key + words[start + 1].Key
                : null;
            foreach (var (typed, length) in new[] { (twoWords, 2), (words[start].Key, 1) })
            {
                var readings = typed is null ? [] : MisspeltReadings(typed);
                if (readings.Count > 0)
                {
                    mentions.Add(new PlaceMention(start, start + length, preposition, readings, []));
                    break;
                }
            }
        }

        return mentions;
    }

    private List<Place> MisspeltReadings(string typed)
    {
        if (typed.Length < ShortestTypo || !typed.All(char.IsLetter)
            || !typos.Value.ByFirstAndLastLetter.TryGetValue((typed[0], typed[^1]), out var candidates))
        {
            return [];
        }

        return candidates
            .Where(candidate => Math.Abs(candidate.Spelling.Length - typed.Length) <= AllowedEdits(candidate.Spelling)
                && EditDistance.Between(typed, candidate.Spelling) <= AllowedEdits(candidate.Spelling))
            .SelectMany(candidate => candidate.Places)
            .ToList();
    }

    /// <summary>One slip in a name, two in a long one ("phillipines").</summary>
    private static int AllowedEdits(string spelling) => spelling.Length >= LongTypoTarget ? 2 : 1;

    /// <summary>
    /// The country of the mention that says where the person is: each name takes the reading other
    /// names agree with, else its first; a name read only if another agrees is dropped otherwise.
    /// </summary>
    private static string? ChooseCountry(List<PlaceMention> mentions)
    {
        var firm = mentions.Where(mention => mention.Places.Count > 0).ToList();
        var chosen = new List<(PlaceMention Mention, string Country)>();
        foreach (var mention in firm)
        {
            var others = firm.Where(other => other != mention).ToList();
            var country = mention.Places
                .Select(place => place.Country)
                .Distinct(StringComparer.Ordinal)
                .Select((candidate, order) => (Candidate: candidate, Order: order, Agreeing: others.Count(other => other.Mentions(candidate))))
                .OrderByDescending(entry => entry.Agreeing)
                .ThenBy(entry => entry.Order)
                .First().Candidate;
            chosen.Add((mention, country));
        }

        foreach (var mention in mentions.Where(mention => mention.Places.Count == 0))
        {
            var agreed = mention.PlacesIfAnotherAgrees.FirstOrDefault(place => chosen.Exists(entry => entry.Country == place.Country));
            if (agreed is not null)
            {
                chosen.Add((mention, agreed.Country));
            }
        }

        return chosen.Count == 0 ? null : chosen
            .OrderBy(entry => Rank(entry.Mention.Preposition, entry.Country))
            .ThenBy(entry => entry.Mention.Start)
            .First().Country;
    }

    private static int Rank(Preposition preposition, string country) =>
        country == EuropeanUnion ? 3
        : preposition switch
        {
            Preposition.Where => 0,
            Preposition.None => 1,
            _ => 2,
        };

    private static string KeyOf(IReadOnlyList<TypedWord> words, int start, int length) =>
        length == 1 ? words[start].Key : string.Join(' ', words.Skip(start).Take(length).Select(word => word.Key));

    private enum NameReading
    {
        Not,
        Place,
        IfAnotherPlaceAgrees,
    }
}
