namespace Beacon.Dialogs.Campaigns;

/// <summary>
/// Reads a refresher campaign's schedule from an English sentence such as "every weekday at 9am for
/// 4 weeks starting Monday" or "Tuesdays and Thursdays at 8:30 for six weeks from January 12", with
/// Microsoft.Recognizers.Text for the dates, times and durations. It never guesses silently:
/// <list type="bullet">
/// <item>What the sentence does not say stays null; words it cannot use are returned in
/// <see cref="ParsedSchedule.Unparsed"/> (a part that contradicts an earlier one, such as a second
/// time, counts as not used).</item>
/// <item>A duration gives the end only when the start is known ("for 4 weeks starting Monday" ends
/// on the Sunday four weeks later: start + duration - 1 day), or the start when only the end is
/// known. A duration alone leaves both null and is kept in <see cref="ParsedSchedule.Duration"/>.
/// With start, end and a duration that disagrees, the duration is reported as not used.</item>
/// <item>"until", "through", "to" and "ending" name the last day, inclusive; "to the end of
/// February" ends on February's last day.</item>
/// <item>A date without a year ("January 12", "Monday") is the next one on or after today in the
/// given zone; an end date the next one on or after the start. A date with a year stays as written.</item>
/// <item>A time with no am/pm ("8:30", "at 5") takes the reading in working hours, 07:00-19:59
/// (08:30, 17:00), the earlier one when both are ("at 7" is 07:00).</item>
/// <item>A range alone ("in January", "next week") is both start and end.</item>
/// </list>
/// </summary>
public static class ScheduleSentenceParser
{
    /// <summary>Reads <paramref name="sentence"/> as seen at <paramref name="now"/> in the IANA zone <paramref name="timeZoneId"/>.</summary>
    /// <exception cref="ArgumentException">The time zone is not known.</exception>
    public static ParsedSchedule Parse(string sentence, DateTimeOffset now, string timeZoneId)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentException.ThrowIfNullOrWhiteSpace(timeZoneId);
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone))
        {
            throw new ArgumentException($"'{timeZoneId}' is not a time zone this machine knows; use an IANA id such as Europe/London.", nameof(timeZoneId));
        }

        var localNow = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        var clauses = ScheduleClauses.Of(ScheduleToken.Split(sentence));
        return new ScheduleReading(sentence, localNow).Read(clauses);
    }
}
