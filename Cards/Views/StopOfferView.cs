namespace Beacon.Cards.Views;

/// <summary>What "stop" offers: the daily quiz's state now and how long the pause button holds.</summary>
public sealed record StopOfferView(bool DailyQuizOn, string? PausedUntil, int PauseDays);
