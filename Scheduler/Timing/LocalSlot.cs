namespace Beacon.Scheduler.Timing;

using Beacon.Scheduler.Sessions;

/// <summary>
/// Turns a learner-local date and wall-clock time into the one UTC instant it happens, in an IANA
/// zone, across DST changes: a time in a spring-forward gap moves forward by the gap (02:30 becomes
/// 03:30); a time that happens twice in a fall-back overlap is the first of the two.
/// </summary>
public static class LocalSlot
{
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // In the gap: the offset before the change applies, which lands after the gap in the new offset.
            var before = zone.GetUtcOffset(local.AddHours(-3));
            var instant = new DateTimeOffset(local, before);
            return TimeZoneInfo.ConvertTime(instant, zone);
        }

        if (zone.IsAmbiguousTime(local))
        {
            // The first occurrence is the one with the larger offset (summer time).
            return new DateTimeOffset(local, zone.GetAmbiguousTimeOffsets(local).Max());
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, string? ianaZone) =>
        ToInstant(date, time, LearnerDay.ResolveZone(ianaZone));

    /// <summary>The local date and time of an instant in a zone.</summary>
    public static (DateOnly Date, TimeOnly Time) ToLocal(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(instant, zone).DateTime;
        return (DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
    }
}
