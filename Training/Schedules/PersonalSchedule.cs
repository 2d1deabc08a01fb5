namespace Beacon.Training.Schedules;

using Beacon.Training.Learners;

/// <summary>
/// A learner's own delivery schedule ("a two-minute quiz every weekday at 9:00") and vacation hold.
/// The time zone is an IANA id; null means the learner's Teams zone, else the tenant default.
/// <see cref="ConcurrencyToken"/> is opaque to the domain (ETag or row version; null = new).
/// </summary>
public sealed record PersonalSchedule
{
    public static readonly TimeOnly DefaultTime = new(9, 0);

    public required LearnerKey Learner { get; init; }

    /// <summary>False when the learner turned the daily quiz off; the schedule row is kept.</summary>
    public bool Enabled { get; init; } = true;

    public Weekdays Days { get; init; } = Weekdays.WorkWeek;

    public TimeOnly LocalTime { get; init; } = DefaultTime;

    /// <summary>An IANA zone chosen in settings; null follows the learner's Teams zone.</summary>
    public string? TimeZone { get; init; }

    public QuietHours? QuietHours { get; init; }

    /// <summary>When the current vacation hold started; null when not paused.</summary>
    public DateTimeOffset? PausedAt { get; init; }

    /// <summary>The instant the vacation hold ends (the learner's local midnight of the resume day).</summary>
    public DateTimeOffset? PausedUntil { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public string? ConcurrencyToken { get; init; }

    /// <summary>Whether the vacation hold covers the instant.</summary>
    public bool IsPausedAt(DateTimeOffset instant) =>
        PausedAt is { } from && PausedUntil is { } until && instant >= from && instant < until;
}
