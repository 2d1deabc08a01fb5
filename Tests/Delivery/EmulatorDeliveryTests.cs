namespace Beacon.Tests.Delivery;

using System.Net;
using System.Text;
using Beacon.Scheduler.Delivery;
using Beacon.TeamsEmulator;
using Beacon.Training.Schedules;

/// <summary>
/// The delivery pipeline end to end over HTTP: the real connector channel and rate limiter against
/// the Teams connector emulator, on a SQLite store, in real time (a few seconds: at most 50/s).
/// </summary>
public sealed class EmulatorDeliveryTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>Every learner's 00:00 UTC slot is due now, whatever the time of day the test runs.</summary>
    private static readonly DeliveryOptions DueAllDay = new()
    {
        CatchUpWindow = TimeSpan.FromHours(25),
        BaseBackoff = TimeSpan.FromMilliseconds(20),
        MaxBackoff = TimeSpan.FromMilliseconds(200),
        MaxAttempts = 12,
    };

    private static PersonalSchedule Midnight(int i) =>
        new() { Learner = DeliveryHarness.Key(i), Days = Weekdays.Every, LocalTime = TimeOnly.MinValue, TimeZone = "UTC" };

    [Fact]
    public async Task With_ten_percent_5xx_and_timeouts_every_learner_gets_exactly_one_session_within_the_limits()
    {
        await using var emulator = await ConnectorEmulator.StartAsync(new EmulatorOptions { ServerErrorRate = 0.05, TimeoutRate = 0.05, Seed = 11 });
        await using var harness = new DeliveryHarness(TimeProvider.System, serviceUrl: emulator.ServiceUrl, options: DueAllDay, requestTimeout: TimeSpan.FromSeconds(2));
        const int learners = 200;
        for (var i = 0; i < learners; i++)
        {
            await harness.AddLearnerAsync(i, "UTC", Midnight(i));
        }

        var report = await harness.Runner.RunDueAsync(DateTimeOffset.UtcNow, None);

        Assert.Equal(learners, report.Sent);
        Assert.Equal(0, report.Failed);
        for (var i = 0; i < learners; i++)
        {
            Assert.Equal(1, emulator.AcceptedFor("user-" + i));
        }

        Assert.Equal(learners, emulator.AcceptedTotal);
        Assert.True(emulator.ServerErrors + emulator.Timeouts > 0, "faults were injected");
        Assert.True(report.Retries >= emulator.ServerErrors + emulator.Timeouts);
        Assert.Equal(0, emulator.Violations);

        // A second pass the same day sends nothing more.
        var again = await harness.Runner.RunDueAsync(DateTimeOffset.UtcNow, None);
        Assert.Equal(0, again.Sent);
        Assert.Equal(learners, emulator.AcceptedTotal);
    }

    [Fact]
    public async Task Two_instances_on_one_store_deliver_each_session_once()
    {
        await using var emulator = await ConnectorEmulator.StartAsync();
        var limits = new RateLimitOptions { TenantShare = 0.5 };
        await using var first = new DeliveryHarness(TimeProvider.System, serviceUrl: emulator.ServiceUrl, options: DueAllDay, limits: limits, instance: "one");
        await using var second = new DeliveryHarness(
            TimeProvider.System, serviceUrl: emulator.ServiceUrl, options: DueAllDay, limits: limits, sharedDatabase: first.Database, instance: "two");
        for (var i = 0; i < 60; i++)
        {
            await first.AddLearnerAsync(i, "UTC", Midnight(i));
        }

        var now = DateTimeOffset.UtcNow;
        var reports = await Task.WhenAll(first.Runner.RunDueAsync(now, None), second.Runner.RunDueAsync(now, None));

        Assert.Equal(60, reports.Sum(r => r.Sent));
        Assert.Equal(60, reports.Sum(r => r.AlreadyClaimed));
        Assert.Equal(60, emulator.AcceptedTotal);
        Assert.All(emulator.AcceptedByRecipient.Values, count => Assert.Equal(1, count));
        Assert.Equal(0, emulator.Violations);
    }

    [Fact]
    public async Task A_learner_who_blocked_the_bot_is_marked_inactive_and_not_retried()
    {
        await using var emulator = await ConnectorEmulator.StartAsync();
        await using var harness = new DeliveryHarness(TimeProvider.System, serviceUrl: emulator.ServiceUrl, options: DueAllDay);
        await harness.AddLearnerAsync(1, "UTC", Midnight(1));
        await harness.AddLearnerAsync(2, "UTC", Midnight(2));
        emulator.Block("user-1");

        var report = await harness.Runner.RunDueAsync(DateTimeOffset.UtcNow, None);

        Assert.Equal(1, report.Blocked);
        Assert.Equal(1, report.Sent);
        Assert.Equal(1, emulator.Forbidden);
        Assert.False((await harness.Learners.GetAsync(DeliveryHarness.Key(1), None))!.Active);
        Assert.True((await harness.Learners.GetAsync(DeliveryHarness.Key(2), None))!.Active);
        var claim = await harness.Claims.GetAsync(DeliveryHarness.Key(1), DateOnly.FromDateTime(DateTime.UtcNow), ClaimKind.Session, None);
        Assert.Equal(DeliveryStatus.Blocked, claim?.Status);

        // Tomorrow (and any later pass) leaves the inactive learner alone.
        var tomorrow = await harness.Runner.RunDueAsync(DateTimeOffset.UtcNow.AddDays(1), None);
        Assert.Equal(0, tomorrow.Blocked);
        Assert.Equal(1, emulator.Forbidden);
        Assert.Equal(0, emulator.AcceptedFor("user-1"));
    }

    [Fact]
    public async Task A_conversation_that_is_gone_is_recreated_once_and_the_session_sent_there()
    {
        await using var emulator = await ConnectorEmulator.StartAsync();
        await using var harness = new DeliveryHarness(TimeProvider.System, serviceUrl: emulator.ServiceUrl, options: DueAllDay);
        await harness.AddLearnerAsync(1, "UTC", Midnight(1));
        emulator.Remove(ConnectorEmulator.PersonalConversationId("user-1"));

        var report = await harness.Runner.RunDueAsync(DateTimeOffset.UtcNow, None);

        Assert.Equal(1, report.Sent);
        Assert.Equal(1, report.Recreated);
        Assert.Equal(1, emulator.NotFound);
        Assert.Equal(1, emulator.ConversationsCreated);
        var fresh = ConnectorEmulator.PersonalConversationId("user-1", 1);
        Assert.Equal(1, emulator.AcceptedIn(fresh));
        Assert.Equal(fresh, (await harness.Learners.GetAsync(DeliveryHarness.Key(1), None))!.Address!.ConversationId);
    }

    [Fact]
    public async Task A_conversation_still_gone_after_recreating_is_not_recreated_again()
    {
        await using var emulator = await ConnectorEmulator.StartAsync();
        await using var harness = new DeliveryHarness(TimeProvider.System, serviceUrl: emulator.ServiceUrl, options: DueAllDay);
        await harness.AddLearnerAsync(1, "UTC", Midnight(1));
        emulator.Remove(ConnectorEmulator.PersonalConversationId("user-1"));
        emulator.Remove(ConnectorEmulator.PersonalConversationId("user-1", 1));
        emulator.RemoveOnCreate = true;

        var report = await harness.Runner.RunDueAsync(DateTimeOffset.UtcNow, None);

        Assert.Equal(1, report.Failed);
        Assert.Equal(1, emulator.ConversationsCreated);
        Assert.Equal(2, emulator.NotFound);
        Assert.Equal(0, emulator.AcceptedTotal);
    }

    [Fact]
    public async Task The_emulator_answers_429_with_retry_after_when_a_conversation_limit_is_exceeded()
    {
        await using var emulator = await ConnectorEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.ServiceUrl };
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? throttled = null;
        for (var i = 0; i < 9; i++)
        {
            using var content = new StringContent("""{"type":"message","recipient":{"id":"u"}}""", Encoding.UTF8, "application/json");
            var response = await http.PostAsync(new Uri("v3/conversations/a:u/activities", UriKind.Relative), content);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                throttled ??= response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.Equal(7, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(2, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(TimeSpan.FromSeconds(1), throttled!.Headers.RetryAfter?.Delta);
        throttled.Dispose();
        Assert.Equal(2, emulator.Violations);
        Assert.Equal(7, emulator.AcceptedIn("a:u"));
    }
}
