namespace Beacon.Dialogs.Intents;

using System.Text.RegularExpressions;
using Beacon.Training.Content;

/// <summary>
/// The pack region for a place named in a message ("I'm in the UK", "Toronto", "Puerto Rico"), so
/// the reply shows that place's numbers. The longest name wins ("Northern Ireland" over "Ireland",
/// "New Mexico" over "Mexico"); a named country no pack region lists gets the international region.
/// </summary>
public sealed partial class RegionFromWords(ContentPack pack)
{
    private const string EuropeanUnion = "EU";
    private static readonly string[] EuropeanUnionNames = ["eu", "europe", "european union"];

    private readonly Dictionary<string, string> regionNames = pack.Regions
        .SelectMany(region => new[] { region.Name, region.Code }.Select(name => (Name: string.Join(' ', TextNormalizer.Words(name)), region.Code)))
        .Where(entry => entry.Name.Length > 2)
        .Concat(pack.FindRegion(EuropeanUnion) is null ? [] : EuropeanUnionNames.Select(name => (Name: name, Code: EuropeanUnion)))
        .DistinctBy(entry => entry.Name)
        .ToDictionary(entry => entry.Name, entry => entry.Code, StringComparer.Ordinal);

    /// <summary>The pack region code for the first place named in <paramref name="text"/>, or null when none is named.</summary>
    public string? RegionCode(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (UnitedStatesAbbreviation().IsMatch(text))
        {
            return pack.ResolveRegion("US", null).Code;
        }

        if (BritishColumbiaAbbreviation().IsMatch(text))
        {
            return pack.ResolveRegion("CA", null).Code;
        }

        var words = TextNormalizer.Words(text);
        for (var start = 0; start < words.Count; start++)
        {
            for (var length = Math.Min(PlaceNames.LongestName, words.Count - start); length >= 1; length--)
            {
                var name = string.Join(' ', words.Skip(start).Take(length));
                if (PlaceNames.ByName.TryGetValue(name, out var country))
                {
                    return pack.ResolveRegion(country, null).Code;
                }

                if (regionNames.TryGetValue(name, out var code))
                {
                    return code;
                }
            }
        }

        return null;
    }

    /// <summary>"US" and "U.S." in capitals: lower-case "us" is the pronoun.</summary>
    [GeneratedRegex(@"\b(US|U\.S\.A?\.?|USA)\b", RegexOptions.CultureInvariant)]
    private static partial Regex UnitedStatesAbbreviation();

    /// <summary>"BC" in capitals: lower-case "bc" is "because".</summary>
    [GeneratedRegex(@"\bBC\b", RegexOptions.CultureInvariant)]
    private static partial Regex BritishColumbiaAbbreviation();
}
