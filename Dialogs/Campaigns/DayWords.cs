namespace Beacon.Dialogs.Campaigns;

using Beacon.Training.Schedules;

/// <summary>
/// English words for days of the week and groups of days ("Tuesdays", "tue", "weekdays",
/// "weekends", "daily"), and ranges written "Monday to Friday" or "mon-fri".
/// </summary>
internal static class DayWords
{
    private static readonly Dictionary<string, DayOfWeek> Names = Build();

    private static readonly Dictionary<string, Weekdays> Groups = new(StringComparer.Ordinal)
    {
        ["weekday"] = Weekdays.WorkWeek,
        ["weekdays"] = Weekdays.WorkWeek,
        ["workday"] = Weekdays.WorkWeek,
        ["workdays"] = Weekdays.WorkWeek,
        ["weekend"] = Weekdays.Weekend,
        ["weekends"] = Weekdays.Weekend,
        ["daily"] = Weekdays.Every,
        ["everyday"] = Weekdays.Every,
    };

    /// <summary>First words of two-word groups: "working days", "business days", "week days".</summary>
    private static readonly HashSet<string> WorkWeekQualifiers = new(StringComparer.Ordinal) { "working", "business", "work", "week" };

    /// <summary>The range operators between two day names.</summary>
    public static readonly IReadOnlySet<string> RangeWords = new HashSet<string>(StringComparer.Ordinal) { "to", "through", "thru", "-", "–" };

    /// <summary>A single day name, singular or plural, full or abbreviated ("Monday", "mondays", "mon").</summary>
    public static DayOfWeek? DayOf(string word) => Names.TryGetValue(word.TrimEnd('.'), out var day) ? day : null;

    /// <summary>True for a plural day name or a group ("mondays", "weekdays", "daily"): days, never a date.</summary>
    public static bool IsRecurring(string word) =>
        Groups.ContainsKey(word) || (DayOf(word) is { } day && word == day.ToString().ToLowerInvariant() + "s");

    /// <summary>The days one word names ("tuesdays", "weekend", "mon-fri"), or null.</summary>
    public static Weekdays? Of(string word)
    {
        if (DayOf(word) is { } day)
        {
            return WeekdaysExtensions.Of(day);
        }

        if (Groups.TryGetValue(word, out var group))
        {
            return group;
        }

        var dash = word.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && DayOf(word[..dash]) is { } from && DayOf(word[(dash + 1)..]) is { } to ? Range(from, to) : null;
    }

    /// <summary>The days two words name together ("working days"), or null.</summary>
    public static Weekdays? Of(string first, string second) =>
        WorkWeekQualifiers.Contains(first) && second is "day" or "days" ? Weekdays.WorkWeek : null;

    /// <summary>Every day from <paramref name="from"/> to <paramref name="to"/>, wrapping over Sunday.</summary>
    public static Weekdays Range(DayOfWeek from, DayOfWeek to)
    {
        var days = Weekdays.None;
        for (var day = from; ; day = (DayOfWeek)(((int)day + 1) % 7))
        {
            days |= WeekdaysExtensions.Of(day);
            if (day == to)
            {
                return days;
            }
        }
    }

    private static Dictionary<string, DayOfWeek> Build()
    {
        var names = new Dictionary<string, DayOfWeek>(StringComparer.Ordinal);
        void Add(DayOfWeek day, params string[] abbreviations)
        {
            var full = day.ToString().ToLowerInvariant();
            names[full] = day;
            names[full + "s"] = day;
            foreach (var abbreviation in abbreviations)
            {
                names[abbreviation] = day;
            }
        }

        Add(DayOfWeek.Monday, "mon");
        Add(DayOfWeek.Tuesday, "tue", "tues");
        Add(DayOfWeek.Wednesday, "wed", "weds");
        Add(DayOfWeek.Thursday, "thu", "thur", "thurs");
        Add(DayOfWeek.Friday, "fri");
        Add(DayOfWeek.Saturday, "sat");
        Add(DayOfWeek.Sunday, "sun");
        return names;
    }
}
