namespace Beacon.Training.Schedules;

/// <summary>
/// A local time range in which nothing is delivered: [<see cref="Start"/>, <see cref="End"/>).
/// It may wrap midnight (22:00 to 07:00). Start equal to End means no quiet hours.
/// </summary>
public readonly record struct QuietHours(TimeOnly Start, TimeOnly End)
{
    public bool Contains(TimeOnly localTime) =>
        Start == End ? false
        : Start < End ? localTime >= Start && localTime < End
        : localTime >= Start || localTime < End;
}
