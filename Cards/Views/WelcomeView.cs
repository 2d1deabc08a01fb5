namespace Beacon.Cards.Views;

public sealed record WelcomeView(string? FirstName, IReadOnlyList<TrackView> Tracks, string? CurrentTrack);
