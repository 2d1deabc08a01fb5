namespace Beacon.Tests.Campaigns;

using Beacon.Training.Schedules;

/// <summary>A schedule sentence and the schedule a person reads in it (null where the sentence says nothing).</summary>
public sealed record IntendedSchedule(string Sentence, Weekdays? Days, string? Time, string? Start, string? End)
{
    public override string ToString() => Sentence;
}

/// <summary>
/// Schedule sentences as managers might type them, each with the schedule a person reads in it,
/// written by hand before looking at the parser's answers. "Now" is Wednesday 25 November 2026,
/// 10:00 in Europe/London. Readings: "until/through/to X" includes X; "for N weeks starting S" ends on
/// S + N weeks - 1 day; a time without am/pm is the one in working hours; no start means no end.
/// </summary>
public static class ScheduleSentenceSet
{
    public const string Zone = "Europe/London";

    public static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private const Weekdays MonWedFri = Weekdays.Monday | Weekdays.Wednesday | Weekdays.Friday;

    public static IReadOnlyList<IntendedSchedule> Sentences { get; } =
    [
        new("every weekday at 9am for 4 weeks starting Monday", Weekdays.WorkWeek, "09:00", "2026-11-30", "2026-12-27"),
        new("Tuesdays and Thursdays at 8:30 for six weeks from January 12", Weekdays.Tuesday | Weekdays.Thursday, "08:30", "2027-01-12", "2027-02-22"),
        new("daily at 14:00 until March 1", Weekdays.Every, "14:00", null, "2027-03-01"),
        new("Mondays, Wednesdays and Fridays at 7:45am from next Monday to the end of February", MonWedFri, "07:45", "2026-11-30", "2027-02-28"),
        new("weekends at noon for 10 days", Weekdays.Weekend, "12:00", null, null),
        new("every day at half past eight starting tomorrow", Weekdays.Every, "08:30", "2026-11-26", null),
        new("each Friday at 3pm for a month", Weekdays.Friday, "15:00", null, null),
        new("every weekday at 10am from December 1 through December 18", Weekdays.WorkWeek, "10:00", "2026-12-01", "2026-12-18"),
        new("Mondays at 9 starting December 7 for 3 weeks", Weekdays.Monday, "09:00", "2026-12-07", "2026-12-27"),
        new("every Tuesday at 4:15pm beginning next Tuesday ending January 26", Weekdays.Tuesday, "16:15", "2026-12-01", "2027-01-26"),
        new("weekdays at 8am from 4 January 2027 for 2 weeks", Weekdays.WorkWeek, "08:00", "2027-01-04", "2027-01-17"),
        new("Monday to Friday at 11:30 from January 4 until January 29", Weekdays.WorkWeek, "11:30", "2027-01-04", "2027-01-29"),
        new("every working day at 1pm starting tomorrow for a fortnight", Weekdays.WorkWeek, "13:00", "2026-11-26", "2026-12-09"),
        new("mon-fri at 9:15 starting tomorrow through December 11", Weekdays.WorkWeek, "09:15", "2026-11-26", "2026-12-11"),
        new("at 9 on Mondays and Thursdays for three weeks beginning December 3", Weekdays.Monday | Weekdays.Thursday, "09:00", "2026-12-03", "2026-12-23"),
        new("weekdays at 9 in January", Weekdays.WorkWeek, "09:00", "2027-01-01", "2027-01-31"),
        new("daily at 5 from 2027-01-04 for a fortnight", Weekdays.Every, "17:00", "2027-01-04", "2027-01-17"),
        new("every weekday at 9am starting at the beginning of March until the end of March", Weekdays.WorkWeek, "09:00", "2027-03-01", "2027-03-31"),
        new("Wednesdays at quarter to ten from next week for 6 weeks", Weekdays.Wednesday, "09:45", "2026-11-30", "2027-01-10"),
        new("every Thursday at 2:30 pm until Christmas", Weekdays.Thursday, "14:30", null, "2026-12-25"),
        new("Sat and Sun at 10 for 8 weeks starting this Saturday", Weekdays.Weekend, "10:00", "2026-11-28", "2027-01-22"),
        new("every weekday at 07:30 starting 1 Feb 2027 ending 26 Feb 2027", Weekdays.WorkWeek, "07:30", "2027-02-01", "2027-02-26"),
        new("on Tuesdays at 12:15 from December 1 to December 22", Weekdays.Tuesday, "12:15", "2026-12-01", "2026-12-22"),
        new("every Monday and Wednesday at 8:00 for 2 months starting January 4", Weekdays.Monday | Weekdays.Wednesday, "08:00", "2027-01-04", "2027-03-03"),
        new("daily 9am starting next Monday until the end of next month", Weekdays.Every, "09:00", "2026-11-30", "2026-12-31"),
        new("Fridays at 4 till January 29", Weekdays.Friday, "16:00", null, "2027-01-29"),
        new("Tuesdays at 10am for 4 weeks", Weekdays.Tuesday, "10:00", null, null),
        new("every day at 6:45pm from December 14 to December 20", Weekdays.Every, "18:45", "2026-12-14", "2026-12-20"),
        new("Mondays and Fridays at 9:30 starting on January 11 for ten weeks", Weekdays.Monday | Weekdays.Friday, "09:30", "2027-01-11", "2027-03-21"),
        new("each weekday at midday from tomorrow until the end of the year", Weekdays.WorkWeek, "12:00", "2026-11-26", "2026-12-31"),
        new("every weekend at 11am from December 5 for 4 weeks", Weekdays.Weekend, "11:00", "2026-12-05", "2027-01-01"),
        new("Thursdays at 15:00 from January 7 through March 25", Weekdays.Thursday, "15:00", "2027-01-07", "2027-03-25"),
        new("every weekday at 8:45 for 5 weeks from Monday", Weekdays.WorkWeek, "08:45", "2026-11-30", "2027-01-03"),
        new("Mon, Wed and Fri at 10:00 starting 2027-02-01 for 4 weeks", MonWedFri, "10:00", "2027-02-01", "2027-02-28"),
        new("business days at 9am starting January 5 until February 12", Weekdays.WorkWeek, "09:00", "2027-01-05", "2027-02-12"),
        new("at 3pm every Wednesday for 6 weeks starting next Wednesday", Weekdays.Wednesday, "15:00", "2026-12-02", "2027-01-12"),
        new("every day at 7 starting tomorrow for 30 days", Weekdays.Every, "07:00", "2026-11-26", "2026-12-25"),
        new("Tuesdays through Thursdays at 9 from January 12 to January 28", Weekdays.Tuesday | Weekdays.Wednesday | Weekdays.Thursday, "09:00", "2027-01-12", "2027-01-28"),
        new("weekdays at 8.30 until 18 December", Weekdays.WorkWeek, "08:30", null, "2026-12-18"),
        new("every Friday at 2pm starting the first Friday of December until the last Friday of January", Weekdays.Friday, "14:00", "2026-12-04", "2027-01-29"),
        new("Every weekday, 9am, starting Monday 30 November, for three weeks.", Weekdays.WorkWeek, "09:00", "2026-11-30", "2026-12-20"),
        new("each Monday at 9 a.m. from the 7th of December through the 21st of December", Weekdays.Monday, "09:00", "2026-12-07", "2026-12-21"),
        new("weekends at 10am between December 5 and December 27", Weekdays.Weekend, "10:00", "2026-12-05", "2026-12-27"),
        new("daily at noon starting December 1 and ending December 14", Weekdays.Every, "12:00", "2026-12-01", "2026-12-14"),
        new("every weekday at 9am between January 4 and January 15", Weekdays.WorkWeek, "09:00", "2027-01-04", "2027-01-15"),
        new("9:30 every Tuesday and Thursday starting December 1 for 2 weeks", Weekdays.Tuesday | Weekdays.Thursday, "09:30", "2026-12-01", "2026-12-14"),
        new("weekdays from tomorrow at 9am until December 23", Weekdays.WorkWeek, "09:00", "2026-11-26", "2026-12-23"),
        new("Wednesday and Friday at 8 am, from Jan 6 to Feb 26", Weekdays.Wednesday | Weekdays.Friday, "08:00", "2027-01-06", "2027-02-26"),
        new("every day at 19:00 for one week starting Sunday", Weekdays.Every, "19:00", "2026-11-29", "2026-12-05"),
    ];
}
