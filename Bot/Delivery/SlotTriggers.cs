namespace Beacon.Bot.Delivery;

using System.Globalization;
using Beacon.Scheduler.Delivery;
using Beacon.Scheduler.Sessions;
using Beacon.Scheduler.Timing;
using Beacon.Training.Ports;
using Beacon.Training.Schedules;
using Quartz;

/// <summary>
/// Rebuilds Quartz from the store (the truth): one cron trigger per distinct (time zone, local
/// time, days) slot of the personal schedules and campaign slots, in that zone (so Quartz handles
/// DST), each firing <see cref="DeliveryJob"/>. A catch-up trigger every minute covers slots created
/// since the last rebuild, missed firings and quiet hours ending. Triggers are only the alarm clock:
/// who is due is decided by <see cref="DeliveryRunner"/> from the store, and claims make extra
/// firings harmless.
/// </summary>
public sealed class SlotTriggers(
    ISchedulerFactory schedulerFactory,
    IScheduleStore schedules,
    ILearnerStore learners,
    DeliveryOptions options,
    ILogger<SlotTriggers> logger)
{
    public const string Group = "beacon-slots";
    public static readonly TriggerKey CatchUpKey = new("catch-up", "beacon");

    /// <summary>Replaces the slot triggers with those the store describes now. Returns how many there are.</summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken).ConfigureAwait(false);
        var slots = await DistinctSlotsAsync(cancellationToken).ConfigureAwait(false);
        var existing = await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(Group), cancellationToken).ConfigureAwait(false);
        await scheduler.UnscheduleJobs(existing.ToList(), cancellationToken).ConfigureAwait(false);
        foreach (var (zone, time, days) in slots)
        {
            var cron = CronFor(time, days);
            var trigger = TriggerBuilder.Create()
                .WithIdentity($"{zone}|{time:HH\\:mm}|{(int)days}", Group)
                .ForJob(DeliveryJob.Key)
                .WithCronSchedule(cron, c => c.InTimeZone(LearnerDay.ResolveZone(zone)))
                .Build();
            await scheduler.ScheduleTrigger(trigger, TriggerConflict.Replace, cancellationToken).ConfigureAwait(false);
        }

        logger.LogInformation("Delivery triggers rebuilt from the store: {Count} slots", slots.Count);
        return slots.Count;
    }

    /// <summary>"0 mm HH ? * MON,TUE,..." (Quartz cron: seconds first).</summary>
    public static string CronFor(TimeOnly time, Weekdays days)
    {
        string[] names = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
        var list = Enumerable.Range(0, 7).Where(d => days.Includes((DayOfWeek)d)).Select(d => names[d]).ToList();
        var dayPart = list.Count == 0 ? "*" : string.Join(',', list);
        return string.Create(CultureInfo.InvariantCulture, $"0 {time.Minute} {time.Hour} ? * {dayPart}");
    }

    private async Task<HashSet<(string Zone, TimeOnly Time, Weekdays Days)>> DistinctSlotsAsync(CancellationToken cancellationToken)
    {
        var result = new HashSet<(string, TimeOnly, Weekdays)>();
        var zones = new Dictionary<Training.Learners.LearnerKey, string?>();
        var tenants = new HashSet<string>(StringComparer.Ordinal);
        var personal = new List<PersonalSchedule>();
        await foreach (var schedule in schedules.ListAllAsync(cancellationToken).ConfigureAwait(false))
        {
            personal.Add(schedule);
            tenants.Add(schedule.Learner.TenantId);
        }

        var campaigns = new List<CampaignSlot>();
        await foreach (var campaign in schedules.ListCampaignsAsync(cancellationToken).ConfigureAwait(false))
        {
            campaigns.Add(campaign);
            tenants.Add(campaign.TenantId);
        }

        foreach (var tenant in tenants)
        {
            await foreach (var learner in learners.ListActiveAsync(tenant, cancellationToken).ConfigureAwait(false))
            {
                zones[learner.Key] = DueRule.ZoneOf(learner, personal.Find(p => p.Learner == learner.Key), options.TenantTimeZones.GetValueOrDefault(tenant), options.DefaultTimeZone);
            }
        }

        foreach (var schedule in personal.Where(s => s.Enabled && zones.ContainsKey(s.Learner)))
        {
            result.Add((zones[schedule.Learner]!, schedule.LocalTime, schedule.Days));
        }

        foreach (var campaign in campaigns)
        {
            foreach (var learnerId in campaign.Audience)
            {
                if (zones.TryGetValue(new Training.Learners.LearnerKey(campaign.TenantId, learnerId), out var zone) && zone is not null)
                {
                    result.Add((zone, campaign.LocalTime, campaign.Days));
                }
            }
        }

        return result;
    }
}
