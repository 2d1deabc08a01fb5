namespace Beacon.Dialogs.Intents;

using System.Reflection;

/// <summary>
/// The gazetteer (places.tsv, embedded): place names people type, each with its country and how it
/// may be read. A name listed for several countries keeps file order; its first row is the reading
/// when the message gives no other clue.
/// </summary>
public static class PlaceNames
{
    private const string Header = "name\tcountry\tkind";
    private const string NoCountry = "-";
    private const string ResourceName = "Beacon.Dialogs.Intents.places.tsv";

    private static readonly Lazy<Gazetteer> Embedded = new(LoadEmbedded);

    /// <summary>Normalised name (words joined by one space) to its readings, default first.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<Place>> ByName => Embedded.Value.ByName;

    /// <summary>The most words in one name.</summary>
    public static int LongestName => Embedded.Value.LongestName;

    /// <summary>Reads gazetteer lines (<c>name	country	kind</c>; '#' lines are comments); a malformed row is an error naming its line.</summary>
    public static Gazetteer Parse(IReadOnlyList<string> lines, string source)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var byName = new Dictionary<string, List<Place>>(StringComparer.Ordinal);
        var sawHeader = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].TrimStart('\uFEFF');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (!sawHeader)
            {
                sawHeader = line == Header ? true : throw new FormatException($"{source}:{i + 1}: the first row must be the header '{Header.Replace("\t", "<tab>", StringComparison.Ordinal)}'");
                continue;
            }

            var (name, place) = ParseRow(line, i + 1, source);
            if (!byName.TryGetValue(name, out var places))
            {
                byName[name] = places = [];
            }

            if (!places.Contains(place))
            {
                places.Add(place);
            }
        }

        if (byName.Count == 0)
        {
            throw new FormatException($"{source}: no places");
        }

        return new Gazetteer(byName.ToDictionary(entry => entry.Key, entry => (IReadOnlyList<Place>)entry.Value, StringComparer.Ordinal));
    }

    /// <summary>The lookup key for a name: lower-case words without accents or punctuation, one space apart.</summary>
    public static string Key(string name) => string.Join(' ', TextNormalizer.Words(name));

    private static (string Name, Place Place) ParseRow(string line, int number, string source)
    {
        var fields = line.Split('\t');
        if (fields.Length != 3)
        {
            throw new FormatException($"{source}:{number}: expected 3 tab-separated fields (name, country, kind), found {fields.Length}");
        }

        var name = Key(fields[0]);
        if (name.Length == 0)
        {
            throw new FormatException($"{source}:{number}: the name '{fields[0]}' has no letters");
        }

        var kind = ParseKind(fields[2]) ?? throw new FormatException($"{source}:{number}: unknown kind '{fields[2]}'");
        var country = fields[1];
        if (kind == PlaceKind.NotAPlace ? country != NoCountry : country.Length != 2 || !country.All(char.IsAsciiLetterUpper))
        {
            throw new FormatException($"{source}:{number}: country must be a two-letter code in capitals ('{NoCountry}' for not-a-place), not '{country}'");
        }

        if (kind is PlaceKind.Abbreviation or PlaceKind.Capitals && fields[0].Any(char.IsLower))
        {
            throw new FormatException($"{source}:{number}: an {fields[2]} row is written in capitals, as it must be typed: '{fields[0]}'");
        }

        return (name, new Place(country, kind));
    }

    private static PlaceKind? ParseKind(string kind) => kind switch
    {
        "country" => PlaceKind.Country,
        "state" => PlaceKind.State,
        "city" => PlaceKind.City,
        "borough" => PlaceKind.Borough,
        "abbreviation" => PlaceKind.Abbreviation,
        "capitals" => PlaceKind.Capitals,
        "after-preposition" => PlaceKind.AfterPreposition,
        "capitalised-after-preposition" => PlaceKind.CapitalisedAfterPreposition,
        "not-a-place" => PlaceKind.NotAPlace,
        _ => null,
    };

    private static Gazetteer LoadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The gazetteer resource '{ResourceName}' is missing from {Assembly.GetExecutingAssembly().GetName().Name}");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return Parse(lines, "places.tsv");
    }
}
