namespace Beacon.Training.Schedules;

/// <summary>Days of the week a schedule delivers on.</summary>
[Flags]
public enum Weekdays
{
    None = 0,
    Sunday = 1 << DayOfWeek.Sunday,
    Monday = 1 << DayOfWeek.Monday,
    Tuesday = 1 << DayOfWeek.Tuesday,
    Wednesday = 1 << DayOfWeek.Wednesday,
    Thursday = 1 << DayOfWeek.Thursday,
    Friday = 1 << DayOfWeek.Friday,
    Saturday = 1 << DayOfWeek.Saturday,
    WorkWeek = Monday | Tuesday | Wednesday | Thursday | Friday,
    Weekend = Saturday | Sunday,
    Every = WorkWeek | Weekend,
}

public static class WeekdaysExtensions
{
    public static bool Includes(this Weekdays days, DayOfWeek day) => (days & (Weekdays)(1 << (int)day)) != 0;

    public static Weekdays Of(DayOfWeek day) => (Weekdays)(1 << (int)day);
}
