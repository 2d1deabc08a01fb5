namespace Beacon.Dialogs.Intents;

using System.Globalization;
using System.Text.RegularExpressions;

public enum ScheduleCommandKind
{
    Pause,
    Resume,
    Settings,

    /// <summary>"change my quiz time to 8am": <see cref="ScheduleCommands.QuizTime"/> reads the time.</summary>
    QuizTime,
}

/// <summary>A typed schedule command; <see cref="Text"/> keeps the words for date parsing.</summary>
public sealed record ScheduleCommand(ScheduleCommandKind Kind, string Text);

/// <summary>
/// The schedule's typed commands: <c>pause for two weeks</c>, <c>I'm on holiday until January 5</c>,
/// <c>resume</c>, <c>settings</c> (typos too), <c>change my quiz time to 8am</c>. Dates, durations and
/// times are read with Microsoft.Recognizers.Text. Checked after the reporting need (which wins over everything).
/// </summary>
public static partial class ScheduleCommands
{
    private static readonly HashSet<string> PauseWords = new(StringComparer.Ordinal) { "pause", "snooze", "vacation", "holiday", "holidays", "away", "leave", "pto" };

    /// <summary>Words that tie a pause word later in the message to a date: "I'm on holiday <em>until</em> January 5".</summary>
    private static readonly HashSet<string> UntilWords = new(StringComparer.Ordinal) { "until", "till", "til", "untill", "for", "through", "thru", "back", "returning" };

    private static readonly HashSet<string> ResumeWords = new(StringComparer.Ordinal) { "resume", "unpause", "restart" };
    private static readonly HashSet<string> SettingsWords = new(StringComparer.Ordinal) { "schedule", "reminders", "preferences", "options" };
    
    /// <summary>With "time", a word that says the quiz time is meant (not "what time is it").</summary>
    private static readonly HashSet<string> QuizTimeWords = new(StringComparer.Ordinal)
    {
        "quiz", "quizzes", "daily", "reminder", "reminders", "schedule", "change", "set", "move", "switch", "update", "reschedule", "make",
    };

    private const int MaxPauseWords = 12;

    public static ScheduleCommand? Recognize(string? text)
    {
        var words = TextNormalizer.Words(text);
        if (words.Count == 0 || words.Count > MaxPauseWords)
        {
            return null;
        }

        if (PauseWords.Contains(words[0]) || (words.Any(PauseWords.Contains) && words.Any(UntilWords.Contains)))
        {
            return new ScheduleCommand(ScheduleCommandKind.Pause, text!);
        }

        if (words.Count > 8)
        {
            return null;
        }

        if (ResumeWords.Contains(words[0]) && words.Count <= 3)
        {
            return new ScheduleCommand(ScheduleCommandKind.Resume, text!);
        }

        if (words.Contains("time") && words.Any(QuizTimeWords.Contains))
        {
            return new ScheduleCommand(ScheduleCommandKind.QuizTime, text!);
        }

        return words.Count <= 3 && words.Any(IsSettingsWord) ? new ScheduleCommand(ScheduleCommandKind.Settings, text!) : null;
    }

    /// <summary>
    /// The learner-local date the schedule comes back on, from "for two weeks" / "for 2 wks" (today + 14
    /// days), "until January 5" (the next January 5 after today), "till 5/1" (read day first when
    /// <paramref name="dayFirst"/>), "till next Monday"; null when the text names no future date or duration.
    /// </summary>
    public static DateOnly? ResumeDate(string text, DateTime localNow, bool dayFirst = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var today = DateOnly.FromDateTime(localNow);
        foreach (var mention in DateTimeMention.Find(SpellOutUnits(text), localNow, dayFirst))
        {
            var values = mention.Values;
            foreach (var value in values)
            {
                if (value.GetValueOrDefault("type") == "duration"
                    && double.TryParse(value.GetValueOrDefault("value"), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                    && seconds > 0)
                {
                    var days = Math.Ceiling(seconds / 86400);
                    return days > (DateOnly.MaxValue.DayNumber - today.DayNumber) ? DateOnly.MaxValue : today.AddDays((int)days);
                }
            }

            // Dates: the first candidate after today ("January 5" resolves to last and next January 5).
            var dates = values
                .Select(v => v.GetValueOrDefault("end") ?? v.GetValueOrDefault("value") ?? v.GetValueOrDefault("start"))
                .Select(d => d is not null && DateOnly.TryParseExact(d.Length >= 10 ? d[..10] : d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : (DateOnly?)null)
                .Where(d => d is { } date && date > today)
                .Order()
                .ToList();
            if (dates.Count > 0)
            {
                return dates[0];
            }
        }

        return null;
    }

    /// <summary>
    /// The time "change my quiz time to 8am" names; a bare "8" (08:00 or 20:00) is the one in
    /// <paramref name="earliest"/>..<paramref name="latest"/>, the earlier if both are; null when no time is named.
    /// </summary>
    public static TimeOnly? QuizTime(string text, TimeOnly earliest, TimeOnly latest)
    {
        ArgumentNullException.ThrowIfNull(text);
        var times = DateTimeMention.Find(text, new DateTime(2000, 1, 3, 12, 0, 0, DateTimeKind.Unspecified))
            .Where(m => m.Type == "time")
            .SelectMany(m => m.Times())
            .Distinct()
            .ToList();
        if (times.Count == 0 && BareHour().Match(text) is { Success: true } bare && int.Parse(bare.Groups["hour"].Value, CultureInfo.InvariantCulture) is var hour and >= 1 and <= 12)
        {
            // "to 8": the recognisers read no time without am/pm; it is 08:00 or 20:00.
            var minute = bare.Groups["minute"].Success ? int.Parse(bare.Groups["minute"].Value, CultureInfo.InvariantCulture) : 0;
            times = [new TimeOnly(hour % 12, minute), new TimeOnly(hour % 12 + 12, minute)];
        }

        return times.Count <= 1
            ? times.Cast<TimeOnly?>().FirstOrDefault()
            : times.Where(t => t >= earliest && t <= latest).Order().Cast<TimeOnly?>().FirstOrDefault() ?? times.Min();
    }

    private static bool IsSettingsWord(string word) =>
        SettingsWords.Contains(word) || EditDistance.Between(word, "settings") <= 1;

    /// <summary>Chat abbreviations the recognisers do not read: "2 wks", "3 mths", "1 yr".</summary>
    private static string SpellOutUnits(string text) =>
        Abbreviation().Replace(text, match => match.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "wk" or "wks" => "weeks",
            "mth" or "mths" or "mo" or "mos" => "months",
            "yr" or "yrs" => "years",
            _ => "days",
        });

    [GeneratedRegex(@"\b(?:to|at)\s+(?<hour>\d{1,2})(?:[:.](?<minute>[0-5]\d))?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex BareHour();

    [GeneratedRegex(@"(?<=\d\s*)(?<unit>wks?|mths?|mos?|yrs?|d)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Abbreviation();
}
