namespace Beacon.Scheduler.Timing;

using Beacon.Scheduler.Sessions;
using Beacon.Training.Campaigns;
using Beacon.Training.Learners;
using Beacon.Training.Schedules;

/// <summary>A learner's session that is due now: the learner-local date it belongs to and the slot it comes from.</summary>
public sealed record DueSlot(Learner Learner, DateOnly LocalDate, DateTimeOffset SlotAt, string Source, string TimeZone)
{
    /// <summary>The campaign the slot belongs to; null for the personal schedule.</summary>
    public Campaign? Campaign { get; init; }
}

/// <summary>
/// Decides whether a learner's session is due at an instant. One session per learner-local day at
/// most, whatever the number of slots (personal schedule and campaigns): the earliest slot of the
/// day that has come and is not older than the catch-up window wins (a campaign wins a tie with the
/// personal schedule), and the delivery claim is keyed by the date. Nothing during a vacation hold
/// or in quiet hours.
/// </summary>
public static class DueRule
{
    public const string PersonalSource = "personal";

    private const string CampaignSourcePrefix = "campaign:";

    /// <summary>The <see cref="DueSlot.Source"/> of a campaign's slot.</summary>
    public static string CampaignSource(string campaignId) => CampaignSourcePrefix + campaignId;

    /// <summary>The learner's zone: the schedule's own, else Teams', else the tenant's, else the default (IANA ids).</summary>
    public static string ZoneOf(Learner learner, PersonalSchedule? schedule, string? tenantZone, string defaultZone)
    {
        ArgumentNullException.ThrowIfNull(learner);
        return Valid(schedule?.TimeZone) ?? Valid(learner.TimeZone) ?? Valid(tenantZone) ?? defaultZone;
    }

    public static DueSlot? Find(
        Learner learner,
        PersonalSchedule? schedule,
        IEnumerable<CampaignSlot> campaigns,
        DateTimeOffset now,
        string zoneId,
        TimeSpan catchUpWindow)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(campaigns);
        if (!learner.Active || (schedule is not null && schedule.IsPausedAt(now)))
        {
            return null;
        }

        var zone = LearnerDay.ResolveZone(zoneId);
        var (date, time) = LocalSlot.ToLocal(now, zone);
        if (schedule?.QuietHours is { } quiet && quiet.Contains(time))
        {
            return null;
        }

        var day = date.DayOfWeek;
        DueSlot? best = null;
        void Consider(TimeOnly at, string source)
        {
            var instant = LocalSlot.ToInstant(date, at, zone);
            if (instant <= now && now - instant < catchUpWindow && (best is null || instant < best.SlotAt))
            {
                best = new DueSlot(learner, date, instant, source, zoneId);
            }
        }

        foreach (var campaign in campaigns)
        {
            if (campaign.Covers(date) && campaign.Days.Includes(day))
            {
                Consider(campaign.LocalTime, CampaignSource(campaign.CampaignId));
            }
        }

        if (schedule is { Enabled: true } && schedule.Days.Includes(day))
        {
            Consider(schedule.LocalTime, PersonalSource);
        }

        return best;
    }

    private static string? Valid(string? zone) =>
        string.IsNullOrWhiteSpace(zone) || LearnerDay.ResolveZone(zone) == TimeZoneInfo.Utc && !IsUtc(zone) ? null : zone;

    private static bool IsUtc(string zone) => zone is "UTC" or "Etc/UTC" or "Etc/GMT" or "GMT";
}
