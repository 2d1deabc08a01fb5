namespace Beacon.Cards.Views;

public sealed record ProgressView(
    int Answered,
    int Correct,
    int StreakDays,
    int Mastered,
    int DueNow,
    int ConfidentButWrong,
    string? WeakestTopic);
