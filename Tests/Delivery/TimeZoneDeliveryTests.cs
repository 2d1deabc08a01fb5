namespace Beacon.Tests.Delivery;

using Beacon.Scheduler.Timing;
using Beacon.Training.Campaigns;
using Beacon.Training.Schedules;
using Microsoft.Extensions.Time.Testing;

/// <summary>
/// When sessions go out, on a fake clock that ticks every 15 minutes over several days (the way
/// the Quartz catch-up trigger calls the runner), with the in-memory channel on a SQLite store.
/// </summary>
public sealed class TimeZoneDeliveryTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static async Task<RecordingChannel> TickAsync(
        Func<DeliveryHarness, Task> arrange, DateTimeOffset from, DateTimeOffset to, Func<DateTimeOffset, bool>? running = null,
        Func<DeliveryHarness, DateTimeOffset, Task>? onTick = null)
    {
        var clock = new FakeTimeProvider(from);
        var channel = new RecordingChannel(clock);
        await using var harness = new DeliveryHarness(clock, channel);
        await arrange(harness);
        for (var now = from; now <= to; now = now.AddMinutes(15))
        {
            clock.SetUtcNow(now);
            if (onTick is not null)
            {
                await onTick(harness, now);
            }

            if (running is null || running(now))
            {
                await harness.Runner.RunDueAsync(now, None);
            }
        }

        return channel;
    }

    private static DateTimeOffset Utc(int y, int m, int d, int h = 0, int min = 0) => new(y, m, d, h, min, 0, TimeSpan.Zero);

    private static PersonalSchedule Daily(int i, TimeOnly at) => new() { Learner = DeliveryHarness.Key(i), Days = Weekdays.Every, LocalTime = at };

    [Theory]
    // America/New_York springs forward on 2026-03-08 (EST -5 -> EDT -4) and falls back on 2026-11-01.
    [InlineData("America/New_York", 2026, 3, 6, new[] { 14, 14, 13, 13, 13 })]
    [InlineData("America/New_York", 2026, 10, 30, new[] { 13, 13, 14, 14, 14 })]
    // Europe/London: 2026-03-29 (GMT -> BST) and 2026-10-25 (BST -> GMT).
    [InlineData("Europe/London", 2026, 3, 27, new[] { 9, 9, 8, 8, 8 })]
    [InlineData("Europe/London", 2026, 10, 23, new[] { 8, 8, 9, 9, 9 })]
    public async Task The_nine_oclock_session_fires_once_a_day_at_the_right_utc_instant_across_a_dst_change(
        string zone, int year, int month, int day, int[] utcHours)
    {
        var from = Utc(year, month, day);
        var channel = await TickAsync(h => h.AddLearnerAsync(1, zone, Daily(1, new TimeOnly(9, 0))), from, from.AddDays(5).AddMinutes(-15));

        var sent = channel.Sent.OrderBy(s => s.At).ToList();
        Assert.Equal(utcHours.Length, sent.Count);
        for (var i = 0; i < utcHours.Length; i++)
        {
            var expectedDate = DateOnly.FromDateTime(from.UtcDateTime).AddDays(i);
            Assert.Equal(expectedDate, sent[i].LocalDate);
            Assert.Equal(from.AddDays(i).AddHours(utcHours[i]), sent[i].At);
        }
    }

    [Fact]
    public async Task A_slot_in_the_spring_gap_or_the_autumn_overlap_fires_exactly_once_on_the_change_day()
    {
        // 02:30 does not exist in New York on 2026-03-08: it goes out at 03:30 EDT (07:30 UTC).
        var spring = await TickAsync(h => h.AddLearnerAsync(1, "America/New_York", Daily(1, new TimeOnly(2, 30))), Utc(2026, 3, 8), Utc(2026, 3, 8, 23, 45));
        Assert.Equal(Utc(2026, 3, 8, 7, 30), Assert.Single(spring.Sent).At);

        // 01:30 happens twice in New York on 2026-11-01: only the first (EDT, 05:30 UTC) counts.
        var autumn = await TickAsync(h => h.AddLearnerAsync(1, "America/New_York", Daily(1, new TimeOnly(1, 30))), Utc(2026, 11, 1), Utc(2026, 11, 2));
        var single = Assert.Single(autumn.Sent, s => s.LocalDate == new DateOnly(2026, 11, 1));
        Assert.Equal(Utc(2026, 11, 1, 5, 30), single.At);
    }

    [Fact]
    public async Task A_learner_in_Kolkata_gets_nine_oclock_at_half_past_three_utc()
    {
        var channel = await TickAsync(h => h.AddLearnerAsync(1, "Asia/Kolkata", Daily(1, new TimeOnly(9, 0))), Utc(2026, 1, 5), Utc(2026, 1, 7, 23, 45));
        Assert.Equal([Utc(2026, 1, 5, 3, 30), Utc(2026, 1, 6, 3, 30), Utc(2026, 1, 7, 3, 30)], channel.Sent.Select(s => s.At).Order());
    }

    [Fact]
    public async Task A_learner_who_changes_zone_follows_the_new_zone_and_never_gets_a_local_day_twice()
    {
        // London for two days, then Teams reports New York (at 12:00 UTC on Jan 7, after London's 9:00 and before New York's).
        var channel = await TickAsync(
            h => h.AddLearnerAsync(1, "Europe/London", Daily(1, new TimeOnly(9, 0))),
            Utc(2026, 1, 6),
            Utc(2026, 1, 9, 23, 45),
            onTick: async (h, now) =>
            {
                if (now == Utc(2026, 1, 7, 12))
                {
                    var learner = await h.Learners.GetAsync(DeliveryHarness.Key(1), None);
                    await h.Learners.UpsertAsync(learner! with { TimeZone = "America/New_York" }, None);
                }
            });

        var sent = channel.Sent.OrderBy(s => s.At).ToList();
        Assert.Equal([Utc(2026, 1, 6, 9), Utc(2026, 1, 7, 9), Utc(2026, 1, 8, 14), Utc(2026, 1, 9, 14)], sent.Select(s => s.At));
        Assert.Equal(sent.Count, sent.Select(s => s.LocalDate).Distinct().Count());
    }

    [Fact]
    public async Task A_missed_day_does_not_stack_tomorrow_brings_one_session()
    {
        // The bot is down for all of January 6 (UTC learner): January 7 brings one session, not two.
        var channel = await TickAsync(
            h => h.AddLearnerAsync(1, "UTC", Daily(1, new TimeOnly(9, 0))),
            Utc(2026, 1, 5),
            Utc(2026, 1, 7, 23, 45),
            running: now => now.Day != 6);
        Assert.Equal([new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 7)], channel.Sent.Select(s => s.LocalDate).Order());
        Assert.Single(channel.Sent, s => s.LocalDate == new DateOnly(2026, 1, 7));
    }

    [Fact]
    public async Task A_restart_within_the_catch_up_window_still_delivers_the_day_once()
    {
        // Down from 08:50 to 10:10: the 9:00 session goes out at 10:15, once.
        var channel = await TickAsync(
            h => h.AddLearnerAsync(1, "UTC", Daily(1, new TimeOnly(9, 0))),
            Utc(2026, 1, 5),
            Utc(2026, 1, 5, 23, 45),
            running: now => now < Utc(2026, 1, 5, 8, 50) || now > Utc(2026, 1, 5, 10, 10));
        Assert.Equal(Utc(2026, 1, 5, 10, 15), Assert.Single(channel.Sent).At);
    }

    [Fact]
    public async Task Nothing_goes_out_in_quiet_hours_the_session_waits_for_them_to_end()
    {
        var schedule = Daily(1, new TimeOnly(9, 0)) with { QuietHours = new QuietHours(new TimeOnly(8, 0), new TimeOnly(10, 0)) };
        var channel = await TickAsync(h => h.AddLearnerAsync(1, "UTC", schedule), Utc(2026, 1, 5), Utc(2026, 1, 5, 23, 45));
        Assert.Equal(Utc(2026, 1, 5, 10), Assert.Single(channel.Sent).At);
    }

    [Fact]
    public async Task Personal_schedule_and_campaign_never_add_up_to_more_than_one_session_a_day()
    {
        var channel = await TickAsync(
            async h =>
            {
                await h.AddLearnerAsync(1, "UTC", Daily(1, new TimeOnly(9, 0)));
                await h.AddLearnerAsync(2, "UTC", withSchedule: false);
                await h.Campaigns.SaveAsync(
                    new Campaign
                    {
                        TenantId = DeliveryHarness.Tenant,
                        Id = "spring0001",
                        Name = "Spring",
                        CreatedBy = "manager",
                        Status = CampaignStatus.Active,
                        Audience = new CampaignAudience { Kind = AudienceKind.Picked, LearnerIds = ["user-1", "user-2"] },
                        Days = Weekdays.Every,
                        LocalTime = new TimeOnly(14, 0),
                        StartDate = new DateOnly(2026, 1, 6),
                        EndDate = new DateOnly(2026, 1, 6),
                    },
                    None);
            },
            Utc(2026, 1, 5),
            Utc(2026, 1, 7, 23, 45));

        // Learner 1: once a day at 9:00 (the campaign's 14:00 on Jan 6 is the same day). Learner 2: only the campaign day.
        Assert.Equal([Utc(2026, 1, 5, 9), Utc(2026, 1, 6, 9), Utc(2026, 1, 7, 9)], channel.Sent.Where(s => s.UserId == "user-1").Select(s => s.At).Order());
        Assert.Equal([Utc(2026, 1, 6, 14)], channel.Sent.Where(s => s.UserId == "user-2").Select(s => s.At));
    }

    [Fact]
    public async Task Weekday_schedules_skip_the_weekend_in_the_learners_zone()
    {
        // Friday 2026-01-09 09:00 in Auckland is Thursday 20:00 UTC; Saturday and Sunday in Auckland are skipped.
        var schedule = Daily(1, new TimeOnly(9, 0)) with { Days = Weekdays.WorkWeek };
        var channel = await TickAsync(h => h.AddLearnerAsync(1, "Pacific/Auckland", schedule), Utc(2026, 1, 8), Utc(2026, 1, 12, 23, 45));
        Assert.Equal(
            [new DateOnly(2026, 1, 9), new DateOnly(2026, 1, 12), new DateOnly(2026, 1, 13)],
            channel.Sent.Select(s => s.LocalDate).Order());
    }

    [Fact]
    public void Local_slots_resolve_gaps_forward_and_overlaps_to_the_first_occurrence()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        Assert.Equal(Utc(2026, 3, 8, 7, 30), LocalSlot.ToInstant(new DateOnly(2026, 3, 8), new TimeOnly(2, 30), newYork));
        Assert.Equal(Utc(2026, 11, 1, 5, 30), LocalSlot.ToInstant(new DateOnly(2026, 11, 1), new TimeOnly(1, 30), newYork));
        Assert.Equal(Utc(2026, 1, 5, 3, 30), LocalSlot.ToInstant(new DateOnly(2026, 1, 5), new TimeOnly(9, 0), "Asia/Kolkata"));
    }
}
