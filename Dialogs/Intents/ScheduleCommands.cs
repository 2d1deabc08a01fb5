namespace Beacon.Dialogs.Intents;

using System.Globalization;

public enum ScheduleCommandKind
{
    Pause,
    Resume,
    Settings,
}

/// <summary>A typed schedule command; <see cref="Text"/> keeps the words for date parsing.</summary>
public sealed record ScheduleCommand(ScheduleCommandKind Kind, string Text);

/// <summary>
/// The schedule's typed commands: <c>pause for two weeks</c>, <c>pause until January 5</c>,
/// <c>resume</c>, <c>settings</c>. Dates and durations are read with Microsoft.Recognizers.Text.
/// Checked after the reporting need (which wins over everything).
/// </summary>
public static class ScheduleCommands
{
    private static readonly HashSet<string> PauseWords = new(StringComparer.Ordinal) { "pause", "snooze", "vacation", "holiday", "holidays" };
    private static readonly HashSet<string> ResumeWords = new(StringComparer.Ordinal) { "resume", "unpause", "restart" };
    private static readonly HashSet<string> SettingsWords = new(StringComparer.Ordinal) { "settings", "schedule", "reminders" };

    public static ScheduleCommand? Recognize(string? text)
    {
        var words = TextNormalizer.Words(text);
        if (words.Count == 0 || words.Count > 8)
        {
            return null;
        }

        var first = words[0];
        if (PauseWords.Contains(first))
        {
            return new ScheduleCommand(ScheduleCommandKind.Pause, text!);
        }

        if (ResumeWords.Contains(first) && words.Count <= 3)
        {
            return new ScheduleCommand(ScheduleCommandKind.Resume, text!);
        }

        return words.Count <= 2 && words.Any(SettingsWords.Contains) ? new ScheduleCommand(ScheduleCommandKind.Settings, text!) : null;
    }

    /// <summary>
    /// The learner-local date the schedule comes back on, from "for two weeks" (today + 14 days),
    /// "until January 5" (the next January 5 after today), "till next Monday"; null when the text
    /// names no future date or duration.
    /// </summary>
    public static DateOnly? ResumeDate(string text, DateTime localNow)
    {
        var today = DateOnly.FromDateTime(localNow);
        foreach (var mention in DateTimeMention.Find(text, localNow))
        {
            var values = mention.Values;
            foreach (var value in values)
            {
                if (value.GetValueOrDefault("type") == "duration"
                    && double.TryParse(value.GetValueOrDefault("value"), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                    && seconds > 0)
                {
                    return today.AddDays((int)Math.Ceiling(seconds / 86400));
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
}
