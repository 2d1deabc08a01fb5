namespace Beacon.Dialogs.Intents;

/// <summary>One reading of a gazetteer name: the ISO 3166 country (or "EU") it is in, and how it may be read.</summary>
public sealed record Place(string Country, PlaceKind Kind);
