namespace Beacon.Dialogs.Intents;

/// <summary>
/// A place name found in a message, words <see cref="Start"/> to <see cref="End"/> (exclusive): the
/// readings that stand on their own, and those that count only if another place in the message agrees
/// ("Victoria" beside "BC").
/// </summary>
internal sealed record PlaceMention(int Start, int End, Preposition Preposition, IReadOnlyList<Place> Places, IReadOnlyList<Place> PlacesIfAnotherAgrees)
{
    public bool Mentions(string country) => Places.Any(place => place.Country == country);
}
