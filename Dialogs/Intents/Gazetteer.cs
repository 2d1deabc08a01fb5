namespace Beacon.Dialogs.Intents;

/// <summary>A parsed gazetteer: readings by normalised name.</summary>
public sealed class Gazetteer(IReadOnlyDictionary<string, IReadOnlyList<Place>> byName)
{
    public IReadOnlyDictionary<string, IReadOnlyList<Place>> ByName { get; } = byName;

    public int LongestName { get; } = byName.Keys.Max(name => name.Count(c => c == ' ') + 1);

    /// <summary>All readings of all names.</summary>
    public int Count => ByName.Values.Sum(places => places.Count);
}
