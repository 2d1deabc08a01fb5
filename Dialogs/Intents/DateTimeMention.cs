namespace Beacon.Dialogs.Intents;

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
    private static readonly IModel Model = new DateTimeRecognizer(Culture.English, DateTimeOptions.None, lazyInitialization: true).GetDateTimeModel();

    /// <summary>Every mention in <paramref name="text"/>, relative dates read from <paramref name="localNow"/>.</summary>
    public static IReadOnlyList<DateTimeMention> Find(string text, DateTime localNow)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ((DateTimeModel)Model).Parse(text, localNow)
            .Select(result => new DateTimeMention(
                result.Start,
                result.End + 1,
                result.TypeName.Replace("datetimeV2.", string.Empty, StringComparison.Ordinal),
                result.Resolution is not null && result.Resolution.TryGetValue("values", out var raw) && raw is IEnumerable<Dictionary<string, string>> values
                    ? values.Select(v => (IReadOnlyDictionary<string, string>)v).ToList()
                    : []))
            .ToList();
    }
}
