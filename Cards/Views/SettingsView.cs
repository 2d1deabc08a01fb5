namespace Beacon.Cards.Views;

/// <summary>The personal schedule as the settings card shows it. Days is one of <see cref="DayChoices"/>' values.</summary>
public sealed record SettingsView(bool Enabled, string Time, string Days, string TimeZone, string? PausedUntil, string? Notice)
{
    /// <summary>The pack's regions for reporting guidance; the card shows no region choice when empty.</summary>
    public IReadOnlyList<RegionChoiceView> Regions { get; init; } = [];

    /// <summary>The learner's saved region code; null when guidance follows their Teams country.</summary>
    public string? RegionCode { get; init; }

    /// <summary>The one-tap button shown while the daily quiz is off.</summary>
    public string TurnOnTitle { get; init; } = "Turn the daily quiz on";

    public static IReadOnlyList<(string Value, string Title)> DayChoices { get; } =
    [
        ("weekdays", "Weekdays (Monday to Friday)"),
        ("everyday", "Every day"),
        ("mwf", "Monday, Wednesday and Friday"),
        ("tt", "Tuesday and Thursday"),
        ("weekends", "Weekends"),
    ];
}
