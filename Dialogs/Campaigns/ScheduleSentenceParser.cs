namespace Beacon.Dialogs.Campaigns;

/// <summary>Reads a campaign schedule from a sentence (work in progress: the API is stable).</summary>
public static class ScheduleSentenceParser
{
    public static ParsedSchedule Parse(string sentence, DateTimeOffset now, string timeZoneId)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentException.ThrowIfNullOrWhiteSpace(timeZoneId);
        _ = now;
        return ParsedSchedule.Nothing(sentence.Trim());
    }
}
