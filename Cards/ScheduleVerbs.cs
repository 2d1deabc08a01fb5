namespace Beacon.Cards;

using Beacon.Cards.Model;

/// <summary>The verbs and data fields of the personal schedule's card actions (settings, the welcome offer).</summary>
public static class ScheduleVerbs
{
    public const string StartDaily = "schedule.start";
    public const string ShowSettings = "schedule.settings";
    public const string SaveSettings = "schedule.save";
    public const string Resume = "schedule.resume";

    public const string TimeInput = "scheduleTime";
    public const string DaysInput = "scheduleDays";
    public const string EnabledInput = "scheduleEnabled";

    public static bool Handles(string? verb) => verb is StartDaily or ShowSettings or SaveSettings or Resume;

    /// <summary>The welcome's offer: one tap to get the daily quiz (time and days change in settings).</summary>
    public static ExecuteAction OfferDailyQuiz() => new("Send me a two-minute quiz every weekday at 9:00", StartDaily)
    {
        AssociatedInputs = "none",
        Style = "positive",
    };

    public static ExecuteAction OpenSettings(string title = "Change time or days") => new(title, ShowSettings) { AssociatedInputs = "none" };
}
