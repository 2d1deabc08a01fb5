namespace Beacon.Dialogs.Campaigns;

using Beacon.Training.Schedules;

/// <summary>
/// What a schedule sentence said, in the manager's time zone. Anything the sentence did not say is
/// null (nothing is filled in by default); <see cref="Unparsed"/> holds the words that could not be
/// used, trimmed, and is empty when every word was understood.
/// </summary>
/// <param name="Days">Days of the week sessions go out on; null when no days were named.</param>
/// <param name="Time">Local delivery time; null when no time was named.</param>
/// <param name="Start">First day (inclusive); null when no start was named.</param>
/// <param name="End">Last day (inclusive); null when neither an end nor a duration with a known start was named.</param>
/// <param name="Unparsed">The words that were not understood, in sentence order.</param>
public sealed record ParsedSchedule(Weekdays? Days, TimeOnly? Time, DateOnly? Start, DateOnly? End, string Unparsed)
{
    /// <summary>How long the sentence said the schedule runs ("for 4 weeks"), kept even when no start was named.</summary>
    public ScheduleDuration? Duration { get; init; }

    public static ParsedSchedule Nothing(string unparsed) => new(null, null, null, null, unparsed);

    /// <summary>True when the sentence named days, time, start and end and nothing was left over.</summary>
    public bool IsComplete => Days is not null && Time is not null && Start is not null && End is not null && Unparsed.Length == 0;
}
