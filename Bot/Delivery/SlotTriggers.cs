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
/// time, days) slot of the personal schedules and active campaigns, in that zone (so Quartz handles
/// DST), each firing <see cref="DeliveryJob"/>. A catch-up trigger every minute covers slots created
/// since the last rebuild, missed firings, quiet hours ending and campaign reminders. Triggers are only the alarm clock:
/// who is due is decided by <see cref="DeliveryRunner"/> from the store, and claims make extra
/// firings harmless.
/// </summary>
public sealed class SlotTriggers(
    ISchedulerFactory schedulerFactory,
    DeliveryCandidates candidates,
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
        await foreach (var candidate in candidates.ListAsync(withPersonal: true, campaignFilter: null, cancellationToken).ConfigureAwait(false))
        {
            if (candidate.Schedule is { Enabled: true } schedule)
            {
                result.Add((candidate.TimeZone, schedule.LocalTime, schedule.Days));
            }

            foreach (var campaign in candidate.Campaigns)
            {
                result.Add((candidate.TimeZone, campaign.LocalTime, campaign.Days));
            }
        }

        return result;
    }
}
