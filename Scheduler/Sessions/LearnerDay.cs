namespace Beacon.Scheduler.Sessions;

using System.Collections.Concurrent;

/// <summary>
/// The learner-local calendar day containing an instant, as a half-open range of instants
/// [<see cref="Start"/>, <see cref="End"/>). The time zone is an IANA id (Teams
/// <c>clientInfo.timezone</c>); an unknown or missing id falls back to UTC.
/// </summary>
public readonly record struct LearnerDay(DateOnly Date, DateTimeOffset Start, DateTimeOffset End)
{
    private static readonly ConcurrentDictionary<string, TimeZoneInfo> Zones = new(StringComparer.Ordinal);

    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    public static TimeZoneInfo ResolveZone(string? ianaId)
    {
        if (string.IsNullOrWhiteSpace(ianaId))
        {
            return TimeZoneInfo.Utc;
        }

        return Zones.GetOrAdd(ianaId, static id =>
        {
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(id);
            }
            catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                return TimeZoneInfo.Utc;
            }
        });
    }

    public static LearnerDay Of(DateTimeOffset now, string? ianaTimeZone) => Of(now, ResolveZone(ianaTimeZone));

    public static LearnerDay Of(DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        return new LearnerDay(date, StartOf(date, zone), StartOf(date.AddDays(1), zone));
    }

    /// <summary>The first instant of a local date (after a DST gap at midnight if there is one).</summary>
    private static DateTimeOffset StartOf(DateOnly date, TimeZoneInfo zone)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        var probe = midnight;
        while (zone.IsInvalidTime(probe))
        {
            probe = probe.AddMinutes(15);
        }

        // For an ambiguous midnight (clocks go back over it) the earlier instant is the start.
        var offset = zone.IsAmbiguousTime(probe) ? zone.GetAmbiguousTimeOffsets(probe).Max() : zone.GetUtcOffset(probe);
        return new DateTimeOffset(probe, offset);
    }
}
