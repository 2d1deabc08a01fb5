namespace Beacon.Cards;

using Beacon.Cards.Model;

/// <summary>The verbs and data fields of the personal schedule's card actions (settings, the welcome offer).</summary>
public static class ScheduleVerbs
{
    public const string StartDaily = "schedule.start";
    public const string ShowSettings = "schedule.settings";
    public const string SaveSettings = "schedule.save";
    public const string Resume = "schedule.resume";
    public const string PauseFor = "schedule.pauseFor";
    public const string TurnOff = "schedule.off";

    public const string TimeInput = "scheduleTime";
    public const string DaysInput = "scheduleDays";
    public const string EnabledInput = "scheduleEnabled";
    public const string RegionInput = "reportingRegion";

    /// <summary>How many days a <see cref="PauseFor"/> button holds the quiz.</summary>
    public const string PauseDays = "pauseDays";

    /// <summary>The region choice meaning "from Teams" (no saved region).</summary>
    public const string AutomaticRegion = "auto";

    public static bool Handles(string? verb) => verb is StartDaily or ShowSettings or SaveSettings or Resume or PauseFor or TurnOff;

    /// <summary>The welcome's offer: one tap to get the daily quiz (time and days change in settings).</summary>
    public static ExecuteAction OfferDailyQuiz() => new("Send me a two-minute quiz every weekday at 9:00", StartDaily)
    {
        AssociatedInputs = "none",
        Style = "positive",
    };

    public static ExecuteAction OpenSettings(string title = "Change time or days") => new(title, ShowSettings) { AssociatedInputs = "none" };

    public static ExecuteAction TurnBackOn(string title = "Turn back on") => new(title, StartDaily) { AssociatedInputs = "none", Style = "positive" };

    public static ExecuteAction PauseForDays(int days, string title) => new(title, PauseFor)
    {
        AssociatedInputs = "none",
        Data = new Dictionary<string, string> { [PauseDays] = days.ToString(System.Globalization.CultureInfo.InvariantCulture) },
    };

    public static ExecuteAction TurnOffDaily(string title = "Turn off the daily quiz") => new(title, TurnOff) { AssociatedInputs = "none" };
}
