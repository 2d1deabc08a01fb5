namespace Beacon.Dialogs.Intents;

using System.Globalization;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;

/// <summary>
/// A date, time, range, duration or repetition Microsoft.Recognizers.Text found in English text:
/// where it stands (<see cref="Start"/> inclusive, <see cref="End"/> exclusive), its datetimeV2
/// <see cref="Type"/> ("date", "time", "daterange", "duration", "set"...) and its candidate
/// resolutions (a date without a year resolves to both last and next occurrence).
/// </summary>
public sealed record DateTimeMention(int Start, int End, string Type, IReadOnlyList<IReadOnlyDictionary<string, string>> Values)
{
    private static readonly IModel MonthFirst = new DateTimeRecognizer(Culture.English, DateTimeOptions.None, lazyInitialization: true).GetDateTimeModel();

    /// <summary>English as written outside the United States: "5/1" is 5 January.</summary>
    private static readonly IModel DayFirst = new DateTimeRecognizer(Culture.EnglishOthers, DateTimeOptions.None, lazyInitialization: true).GetDateTimeModel();

    /// <summary>
    /// Every mention in <paramref name="text"/>, relative dates read from <paramref name="localNow"/>;
    /// numeric dates read day first when <paramref name="dayFirst"/> ("5/1" is 5 January), else month first.
    /// </summary>
    public static IReadOnlyList<DateTimeMention> Find(string text, DateTime localNow, bool dayFirst = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ((DateTimeModel)(dayFirst ? DayFirst : MonthFirst)).Parse(text, localNow)
            .Select(result => new DateTimeMention(
                result.Start,
                result.End + 1,
                result.TypeName.Replace("datetimeV2.", string.Empty, StringComparison.Ordinal),
                result.Resolution is not null && result.Resolution.TryGetValue("values", out var raw) && raw is IEnumerable<Dictionary<string, string>> values
                    ? values.Select(v => (IReadOnlyDictionary<string, string>)v).ToList()
                    : []))
            .ToList();
    }

    /// <summary>The distinct times of day this mention can mean ("8" is 08:00 and 20:00; "8am" only 08:00).</summary>
    public IReadOnlyList<TimeOnly> Times() =>
        Values
            .Select(v => TimeOnly.TryParseExact(v.GetValueOrDefault("value"), "HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : (TimeOnly?)null)
            .OfType<TimeOnly>()
            .Distinct()
            .Order()
            .ToList();
}
