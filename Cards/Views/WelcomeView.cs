namespace Beacon.Cards.Views;

/// <summary>
/// The welcome card's state: the learner's saved role (null until chosen), their daily quiz in words
/// (null while it is off) and a line confirming what the last action saved, or asking for what is missing.
/// </summary>
public sealed record WelcomeView(string? FirstName, IReadOnlyList<TrackView> Tracks, string? CurrentTrack)
{
    public string? DailyQuiz { get; init; }

    public string? Notice { get; init; }

    public bool HasRole => CurrentTrack is not null;

    public bool HasDailyQuiz => DailyQuiz is not null;
}
