namespace Beacon.Cards.Views;

public sealed record TrackView(string Id, string DisplayName);
