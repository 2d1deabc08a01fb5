namespace Beacon.Tests.Delivery;

using Beacon.Scheduler.Delivery;
using Beacon.Tests.Support;
using Beacon.Training.Campaigns;
using Beacon.Training.Schedules;
using Microsoft.Extensions.Time.Testing;

/// <summary>
/// A confirmed campaign's personal announcements, sent by the delivery tick on a fake clock through the
/// real pipeline on SQLite and an in-memory channel: once per person and campaign (across instances),
/// someone Beacon has not met becomes a learner with the conversation opened for them, a 429 is waited
/// out and retried, a 403 marks the learner inactive, and the campaign keeps the count.
/// </summary>
public sealed class AnnouncementDeliveryTests : IAsyncDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 1, 2, 10, 0, 0, TimeSpan.Zero));
    private readonly RecordingChannel channel;
    private readonly DeliveryHarness harness;

    public AnnouncementDeliveryTests()
    {
        channel = new RecordingChannel(clock);
        harness = new DeliveryHarness(clock, channel);
    }

    public async ValueTask DisposeAsync() => await harness.DisposeAsync();

    /// <summary>Learners 1 and 2 are known (with a conversation); "roster-3" has never met Beacon and is reachable by its roster id.</summary>
    private async Task<Campaign> ConfirmedAsync()
    {
        await harness.AddLearnerAsync(1, "UTC", withSchedule: false);
        await harness.AddLearnerAsync(2, "UTC", withSchedule: false);
        AudienceMember[] people =
        [
            new(DeliveryHarness.Key(1).LearnerId, DeliveryHarness.Key(1).LearnerId, "One"),
            new(DeliveryHarness.Key(2).LearnerId, DeliveryHarness.Key(2).LearnerId, "Two"),
            new("aad-3", "29:roster-3", "Three"),
        ];
        return await harness.Campaigns.SaveAsync(
            new Campaign
            {
                TenantId = DeliveryHarness.Tenant,
                Id = "CAMPAIGN01",
                Name = "Winter refresher",
                CreatedBy = "manager",
                Status = CampaignStatus.Active,
                Audience = new CampaignAudience { Kind = AudienceKind.Picked, LearnerIds = [.. people.Select(p => p.LearnerId)] },
                StartDate = new DateOnly(2026, 1, 5),
                EndDate = new DateOnly(2026, 1, 16),
                Days = Weekdays.WorkWeek,
                Announcement = new CampaignAnnouncement
                {
                    ServiceUrl = harness.ServiceUrl.AbsoluteUri, ChannelId = "msteams", BotId = "bot-1", Pending = people, Total = people.Length,
                },
            },
            None);
    }

    private async Task<DeliveryReport> TickAsync(AnnouncementRunner runner)
    {
        var run = runner.RunDueAsync(None);
        await FakeClockDriver.RunAsync(clock, run, TimeSpan.FromMinutes(5), "announcements did not finish on the fake clock");
        return await run;
    }

    [Fact]
    public async Task The_tick_tells_each_person_once_and_opens_a_chat_for_someone_beacon_had_not_met()
    {
        var campaign = await ConfirmedAsync();

        var first = await TickAsync(harness.Announcements);
        var second = await TickAsync(harness.Announcements);

        Assert.Equal(3, first.Sent);
        Assert.Equal(0, second.Due + second.Sent);
        Assert.Equal(["29:roster-3", "user-1", "user-2"], channel.Announcements.Select(a => a.UserId).Order());
        Assert.All(channel.Announcements, a => Assert.Equal(campaign.Id, a.CampaignId));
        var newcomer = await harness.Learners.GetAsync(new(DeliveryHarness.Tenant, "aad-3"), None);
        Assert.Equal("personal:29:roster-3", newcomer?.Address?.ConversationId);
        Assert.Equal("Three", newcomer?.DisplayName);
        var stored = await harness.Campaigns.GetAsync(campaign.Key, None);
        Assert.Equal((3, 3, false), (stored!.Announcement!.Told, stored.Announcement.Total, stored.Announcement.IsPending));
    }

    [Fact]
    public async Task Two_instances_tell_each_person_once_and_a_restart_does_not_tell_them_again()
    {
        await ConfirmedAsync();
        await using var other = new DeliveryHarness(clock, channel, sharedDatabase: harness.Database, instance: "other");

        var reports = await Task.WhenAll(TickAsync(harness.Announcements), TickAsync(other.Announcements));
        await using var restarted = new DeliveryHarness(clock, channel, sharedDatabase: harness.Database, instance: "restarted");
        var afterRestart = await TickAsync(restarted.Announcements);

        Assert.Equal(3, channel.Announcements.Count);
        Assert.Equal(3, channel.Announcements.Select(a => a.UserId).Distinct().Count());
        Assert.Equal(3, reports.Sum(r => r.Sent));
        Assert.Equal(0, afterRestart.Sent);
    }

    [Fact]
    public async Task A_confirm_cut_short_is_finished_by_the_next_tick_without_telling_anyone_twice()
    {
        var campaign = await ConfirmedAsync();
        // Someone was told before the instance died: their claim is in the store, the pending list still names everyone.
        var person = campaign.Announcement!.Pending[0];
        await harness.Claims.TryClaimAsync(
            new DeliveryClaim
            {
                Learner = new(DeliveryHarness.Tenant, person.LearnerId), LocalDate = new DateOnly(2026, 1, 2), Kind = ClaimKind.Announcement,
                Owner = "died", Source = "campaign:" + campaign.Id, ClaimedAt = clock.GetUtcNow(), Status = DeliveryStatus.Sent,
            },
            None);

        var report = await TickAsync(harness.Announcements);

        Assert.Equal((2, 1), (report.Sent, report.AlreadyClaimed));
        Assert.DoesNotContain(channel.Announcements, a => a.UserId == person.ChatUserId);
    }

    [Fact]
    public async Task A_429_is_waited_out_and_retried()
    {
        await ConfirmedAsync();
        var conversation = TeamsEmulator.ConnectorEmulator.PersonalConversationId(DeliveryHarness.Key(1).LearnerId);
        channel.Script[conversation] = new([new ChannelResult(ChannelStatus.Throttled, RetryAfter: TimeSpan.FromSeconds(5), HttpStatus: 429)]);
        var started = clock.GetUtcNow();

        var report = await TickAsync(harness.Announcements);

        Assert.Equal((3, 1, 1), (report.Sent, report.Throttled, report.Retries));
        Assert.Single(channel.Announcements, a => a.ConversationId == conversation);
        Assert.True(clock.GetUtcNow() - started >= TimeSpan.FromSeconds(5), "the retry came before Retry-After had passed");
    }

    [Fact]
    public async Task A_person_who_blocked_beacon_is_skipped_and_marked_inactive_and_the_list_says_so()
    {
        var campaign = await ConfirmedAsync();
        var conversation = TeamsEmulator.ConnectorEmulator.PersonalConversationId(DeliveryHarness.Key(2).LearnerId);
        channel.Script[conversation] = new([new ChannelResult(ChannelStatus.Forbidden, HttpStatus: 403)]);

        var report = await TickAsync(harness.Announcements);
        var again = await TickAsync(harness.Announcements);

        Assert.Equal((2, 1), (report.Sent, report.Blocked));
        Assert.Equal(0, again.Sent + again.Blocked);
        Assert.False((await harness.Learners.GetAsync(DeliveryHarness.Key(2), None))!.Active);
        Assert.DoesNotContain(channel.Announcements, a => a.ConversationId == conversation);
        var stored = await harness.Campaigns.GetAsync(campaign.Key, None);
        Assert.Equal((2, 3), (stored!.Announcement!.Told, stored.Announcement.Total));
    }
}
