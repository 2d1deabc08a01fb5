namespace Beacon.Cards.Views;

/// <summary>The personal schedule as the settings card shows it. Days is one of <see cref="DayChoices"/>' values.</summary>
public sealed record SettingsView(bool Enabled, string Time, string Days, string TimeZone, string? PausedUntil, string? Notice)
{
    public static IReadOnlyList<(string Value, string Title)> DayChoices { get; } =
    [
        ("weekdays", "Weekdays (Monday to Friday)"),
        ("everyday", "Every day"),
        ("mwf", "Monday, Wednesday and Friday"),
        ("tt", "Tuesday and Thursday"),
        ("weekends", "Weekends"),
    ];
}
