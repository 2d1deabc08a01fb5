namespace Beacon.Tests.Delivery;

using Beacon.Cards;
using Beacon.Cards.Model;
using Beacon.Dialogs.Flows;
using Beacon.Dialogs.Learners;
using Beacon.Dialogs.Reporting;
using Beacon.Scheduler.Delivery;
using Beacon.Scheduler.Memory;
using Beacon.Scheduler.Sessions;
using Beacon.Training.Campaigns;
using Beacon.Training.Learners;
using Beacon.Training.Schedules;
using Microsoft.Extensions.Time.Testing;
using Moq;

/// <summary>
/// Campaign sessions through the real delivery pipeline on SQLite, with a fake clock ticking every
/// 15 minutes (the way the catch-up trigger calls the runners) and the in-memory channel; answers
/// go through the real quiz flow.
/// </summary>
public sealed class CampaignDeliveryTests : IAsyncDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;

    // Monday 5 January 2026 to Friday 16 January 2026.
    private static readonly DateOnly Start = new(2026, 1, 5);
    private static readonly DateOnly End = new(2026, 1, 16);

    // Sends in one tick are not spaced out: the fake clock only moves between ticks.
    private static readonly RateLimitOptions Unpaced = new() { PaceTenant = false };

    private readonly FakeTimeProvider clock = new(Utc(2026, 1, 4));
    private readonly RecordingChannel channel;
    private readonly DeliveryHarness harness;
    private readonly QuizFlow quiz;

    public CampaignDeliveryTests()
    {
        channel = new RecordingChannel(clock);
        harness = new DeliveryHarness(clock, channel, limits: Unpaced);
        var composer = new SessionComposer(new FsrsMemoryModel());
        var campaignQuiz = new CampaignQuiz(DeliveryHarness.Pack, harness.Campaigns, harness.Learners, harness.Answers, harness.Reviews, harness.Sessions, harness.Shuffler, clock);
        var regions = new LearnerRegions(DeliveryHarness.Pack, Mock.Of<ISafeguardingDirectory>(), harness.Learners);
        quiz = new QuizFlow(DeliveryHarness.Pack, harness.Answers, harness.Reviews, composer, new FsrsMemoryModel(), new RatingPolicy(), campaignQuiz, regions, harness.Shuffler, clock);
    }

    public async ValueTask DisposeAsync() => await harness.DisposeAsync();

    private static DateTimeOffset Utc(int y, int m, int d, int h = 0, int min = 0) => new(y, m, d, h, min, 0, TimeSpan.Zero);

    private static DateTimeOffset Utc(DateOnly date, int h, int min = 0) => Utc(date.Year, date.Month, date.Day, h, min);

    private static Campaign NewCampaign(string id, params int[] learners) => new()
    {
        // Ids as CampaignIds makes them (Crockford base32), or prompt ids would not parse.
        TenantId = DeliveryHarness.Tenant,
        Id = id,
        Name = "Winter refresher",
        CreatedBy = "manager",
        Status = CampaignStatus.Active,
        Audience = new CampaignAudience { Kind = AudienceKind.Picked, LearnerIds = [.. learners.Select(i => DeliveryHarness.Key(i).LearnerId)] },
        StartDate = Start,
        EndDate = End,
        Days = Weekdays.Tuesday | Weekdays.Thursday,
        LocalTime = new TimeOnly(10, 0),
        QuestionsPerSession = 3,
        PreAssessment = false,
        PostAssessment = false,
        Nudges = false,
    };

    private async Task<Learner> LearnerAsync(int i, string? track = null)
    {
        var learner = await harness.AddLearnerAsync(i, "UTC", withSchedule: false);
        if (track is not null)
        {
            learner = learner with { Track = track };
            await harness.Learners.UpsertAsync(learner, None);
        }

        return learner;
    }

    /// <summary>Ticks every 15 minutes from <paramref name="from"/> to <paramref name="to"/>, delivering and reminding.</summary>
    private async Task TickAsync(DateTimeOffset from, DateTimeOffset to, Func<DateTimeOffset, Task>? onTick = null, NudgeRunner? secondInstance = null)
    {
        for (var now = from; now <= to; now = now.AddMinutes(15))
        {
            clock.SetUtcNow(now);
            if (onTick is not null)
            {
                await onTick(now);
            }

            await harness.Runner.RunDueAsync(now, None);
            await harness.Nudges.RunDueAsync(now, None);
            if (secondInstance is not null)
            {
                await secondInstance.RunDueAsync(now, None);
            }
        }
    }

    private List<DateOnly> SentDates(int learner) =>
        [.. channel.Sent.Where(s => s.UserId == DeliveryHarness.Key(learner).LearnerId).Select(s => s.LocalDate).Order()];

    private SessionMessage MessageOn(int learner, DateOnly date) =>
        Assert.Single(channel.Messages, m => m.UserId == DeliveryHarness.Key(learner).LearnerId && m.Message.LocalDate == date).Message;

    private static string? NextPromptOf(AdaptiveCard feedback) => feedback.Actions!
        .OfType<ExecuteAction>()
        .FirstOrDefault(a => a.Verb == Verbs.Quiz && a.Data is not null && a.Data.ContainsKey(CardData.PromptId))?.Data![CardData.PromptId];

    private async Task<AdaptiveCard> AnswerAsync(Learner learner, string promptId)
    {
        var issued = await harness.Answers.GetIssuedAsync(learner.Key, promptId, None);
        Assert.NotNull(issued);
        return await quiz.AnswerAsync(
            learner.Key,
            new Dictionary<string, string> { [CardData.PromptId] = promptId, [CardData.QuestionId] = issued.QuestionId, [CardData.OptionId] = "a" },
            None);
    }

    /// <summary>Answers the session from <paramref name="firstPromptId"/> on, following "Next question" to the end. Returns the question ids asked.</summary>
    private async Task<List<string>> AnswerWholeSessionAsync(Learner learner, string firstPromptId, int expectedTotal)
    {
        var asked = new List<string>();
        var promptId = firstPromptId;
        while (true)
        {
            var n = CampaignPrompt.TryParse(promptId)!.Index + 1;
            asked.Add((await harness.Answers.GetIssuedAsync(learner.Key, promptId, None))!.QuestionId);
            var feedback = await AnswerAsync(learner, promptId);
            var next = NextPromptOf(feedback);
            if (next is null)
            {
                Assert.Equal(expectedTotal, n);
                Assert.Contains(feedback.Actions!.OfType<ExecuteAction>(), a => a.Title == "Next question");
                return asked;
            }

            Assert.Contains(feedback.Actions!.OfType<ExecuteAction>(), a => a.Title == $"Next question ({n + 1} of {expectedTotal})");
            var card = Assert.Single(await quiz.NextQuestionAsync(learner, next, None));
            Assert.Contains(next, CardJson.Serialize(card), StringComparison.Ordinal);
            promptId = next;
        }
    }

    [Fact]
    public async Task Sessions_go_out_on_exactly_the_campaign_days_once_each_and_not_after_the_end()
    {
        await LearnerAsync(1);
        await LearnerAsync(2);
        await LearnerAsync(3);
        await harness.Campaigns.SaveAsync(NewCampaign("wntr000001", 1, 2), None);

        await TickAsync(Utc(2026, 1, 4), Utc(2026, 1, 23, 23, 45));

        DateOnly[] tuesdaysAndThursdays = [new(2026, 1, 6), new(2026, 1, 8), new(2026, 1, 13), new(2026, 1, 15)];
        Assert.Equal(tuesdaysAndThursdays, SentDates(1));
        Assert.Equal(tuesdaysAndThursdays, SentDates(2));
        Assert.Empty(SentDates(3));
        Assert.All(channel.Sent, s => Assert.Equal(10, s.At.Hour));
        var first = MessageOn(1, new DateOnly(2026, 1, 6));
        Assert.Equal(new CampaignPrompt("wntr000001", SessionPhase.Session, new DateOnly(2026, 1, 6), 0).Id, first.PromptId);
    }

    [Fact]
    public async Task Draft_paused_and_cancelled_campaigns_send_nothing_and_a_pause_stops_the_next_sessions()
    {
        for (var i = 1; i <= 4; i++)
        {
            await LearnerAsync(i);
        }

        await harness.Campaigns.SaveAsync(NewCampaign("draft00001", 1) with { Status = CampaignStatus.Draft }, None);
        await harness.Campaigns.SaveAsync(NewCampaign("psd0000001", 2) with { Status = CampaignStatus.Paused }, None);
        await harness.Campaigns.SaveAsync(NewCampaign("cnc0000001", 3) with { Status = CampaignStatus.Cancelled }, None);
        var running = await harness.Campaigns.SaveAsync(NewCampaign("psd0000002", 4), None);

        await TickAsync(Utc(2026, 1, 4), Utc(2026, 1, 16, 23, 45), async now =>
        {
            if (now == Utc(2026, 1, 7))
            {
                var change = CampaignLifecycle.Pause(running, new DateOnly(2026, 1, 7), now);
                await harness.Campaigns.SaveAsync(change.Changed!, None);
            }
        });

        Assert.Empty(SentDates(1));
        Assert.Empty(SentDates(2));
        Assert.Empty(SentDates(3));
        Assert.Equal([new DateOnly(2026, 1, 6)], SentDates(4));
    }

    [Fact]
    public async Task A_track_audience_is_whoever_is_on_the_track_at_delivery_time()
    {
        await LearnerAsync(1, "hospitality");
        await LearnerAsync(2, "healthcare");
        await LearnerAsync(3);
        var joiner = await LearnerAsync(4, "healthcare");
        await harness.Campaigns.SaveAsync(
            NewCampaign("trackcamp1") with { Audience = new CampaignAudience { Kind = AudienceKind.Track }, Tracks = ["hospitality"] }, None);

        // Learner 4 moves to hospitality on Monday 12 January.
        await TickAsync(Utc(2026, 1, 4), Utc(2026, 1, 16, 23, 45), async now =>
        {
            if (now == Utc(2026, 1, 12))
            {
                await harness.Learners.UpsertAsync(joiner with { Track = "hospitality" }, None);
            }
        });

        Assert.Equal([new DateOnly(2026, 1, 6), new DateOnly(2026, 1, 8), new DateOnly(2026, 1, 13), new DateOnly(2026, 1, 15)], SentDates(1));
        Assert.Empty(SentDates(2));
        Assert.Empty(SentDates(3));
        Assert.Equal([new DateOnly(2026, 1, 13), new DateOnly(2026, 1, 15)], SentDates(4));
    }

    [Fact]
    public async Task Two_campaigns_on_one_day_make_one_session_from_the_earlier_slot()
    {
        await LearnerAsync(1);
        await harness.Campaigns.SaveAsync(NewCampaign("zz00000015", 1) with { LocalTime = new TimeOnly(15, 0) }, None);
        await harness.Campaigns.SaveAsync(NewCampaign("zz00000008", 1) with { LocalTime = new TimeOnly(8, 0) }, None);

        await TickAsync(Utc(2026, 1, 6), Utc(2026, 1, 6, 23, 45));

        var message = MessageOn(1, new DateOnly(2026, 1, 6));
        Assert.StartsWith("c.zz00000008.", message.PromptId, StringComparison.Ordinal);
        Assert.Equal(8, Assert.Single(channel.Sent).At.Hour);
    }

    [Fact]
    public async Task A_session_of_three_questions_follows_next_question_idempotently_and_refuses_a_skipped_prompt()
    {
        var learner = await LearnerAsync(1);
        await harness.Campaigns.SaveAsync(NewCampaign("sessns0001", 1), None);
        var day = new DateOnly(2026, 1, 6);
        await TickAsync(Utc(day, 9, 45), Utc(day, 10, 0));
        var first = MessageOn(1, day).PromptId;

        // Jumping ahead to the third question before answering anything opens nothing.
        var skipped = new CampaignPrompt("sessns0001", SessionPhase.Session, day, 2).Id;
        var refused = Assert.Single(await quiz.NextQuestionAsync(learner, skipped, None));
        Assert.Contains("part of a session", CardJson.Serialize(refused), StringComparison.Ordinal);
        Assert.Null(await harness.Answers.GetIssuedAsync(learner.Key, skipped, None));

        var feedback = await AnswerAsync(learner, first);
        var second = NextPromptOf(feedback);
        Assert.Equal(new CampaignPrompt("sessns0001", SessionPhase.Session, day, 1).Id, second);

        // A redelivered click sends the same prompt with the same question.
        await quiz.NextQuestionAsync(learner, second!, None);
        var issued = await harness.Answers.GetIssuedAsync(learner.Key, second!, None);
        var again = Assert.Single(await quiz.NextQuestionAsync(learner, second!, None));
        Assert.Contains(second!, CardJson.Serialize(again), StringComparison.Ordinal);
        Assert.Equal(issued, await harness.Answers.GetIssuedAsync(learner.Key, second!, None));

        var asked = await AnswerWholeSessionAsync(learner, second!, expectedTotal: 3);
        var all = new[] { (await harness.Answers.GetIssuedAsync(learner.Key, first, None))!.QuestionId }.Concat(asked).ToList();
        Assert.Equal(3, all.Distinct().Count());

        // After the last question there is no fourth.
        var fourth = new CampaignPrompt("sessns0001", SessionPhase.Session, day, 3).Id;
        Assert.Contains("part of a session", CardJson.Serialize(Assert.Single(await quiz.NextQuestionAsync(learner, fourth, None))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_asks_only_the_campaign_topics()
    {
        var learner = await LearnerAsync(1);
        var topics = new[] { Training.Content.Topic.All[1], Training.Content.Topic.All[2] };
        await harness.Campaigns.SaveAsync(NewCampaign("tpcs000001", 1) with { Topics = topics, QuestionsPerSession = 3 }, None);
        var day = new DateOnly(2026, 1, 6);
        await TickAsync(Utc(day, 9, 45), Utc(day, 10, 0));

        var asked = await AnswerWholeSessionAsync(learner, MessageOn(1, day).PromptId, expectedTotal: 3);

        Assert.All(asked, id => Assert.Contains(DeliveryHarness.Pack.FindQuestion(id)!.Topic, topics));
    }

    [Fact]
    public async Task The_first_day_is_the_pre_assessment_and_the_last_day_the_post_assessment_with_the_same_items()
    {
        var ann = await LearnerAsync(1);
        var bob = await LearnerAsync(2);
        var campaign = NewCampaign("assess0001", 1, 2) with { PreAssessment = true, PostAssessment = true };
        await harness.Campaigns.SaveAsync(campaign, None);
        var items = harness.Sessions.AssessmentItems(campaign, null);
        Assert.Equal(CampaignSessions.MaxAssessmentItems, items.Count);
        var first = new DateOnly(2026, 1, 6);
        var middle = new DateOnly(2026, 1, 8);
        var last = new DateOnly(2026, 1, 15);

        await TickAsync(Utc(first, 9, 45), Utc(first, 10, 0));
        Assert.Equal(new CampaignPrompt(campaign.Id, SessionPhase.PreAssessment, first, 0).Id, MessageOn(1, first).PromptId);
        var annPre = await AnswerWholeSessionAsync(ann, MessageOn(1, first).PromptId, items.Count);
        var bobPre = await AnswerWholeSessionAsync(bob, MessageOn(2, first).PromptId, items.Count);

        await TickAsync(Utc(middle, 9, 45), Utc(middle, 10, 0));
        Assert.Equal(new CampaignPrompt(campaign.Id, SessionPhase.Session, middle, 0).Id, MessageOn(1, middle).PromptId);
        await AnswerWholeSessionAsync(ann, MessageOn(1, middle).PromptId, campaign.QuestionsPerSession);

        await TickAsync(Utc(last, 9, 45), Utc(last, 10, 0));
        Assert.Equal(new CampaignPrompt(campaign.Id, SessionPhase.PostAssessment, last, 0).Id, MessageOn(1, last).PromptId);
        var annPost = await AnswerWholeSessionAsync(ann, MessageOn(1, last).PromptId, items.Count);

        Assert.Equal(items.Select(q => q.Id), annPre);
        Assert.Equal(annPre, bobPre);
        Assert.Equal(annPre, annPost);
        Assert.Equal(items.Count, annPre.Distinct().Count());
    }

    [Fact]
    public async Task One_reminder_goes_to_who_has_not_answered_and_none_to_who_has_or_when_reminders_are_off()
    {
        var ann = await LearnerAsync(1);
        var bob = await LearnerAsync(2);
        await LearnerAsync(3);
        await harness.Campaigns.SaveAsync(NewCampaign("ndgs000001", 1, 2) with { Nudges = true }, None);
        await harness.Campaigns.SaveAsync(NewCampaign("qt00000001", 3) with { Nudges = false }, None);
        var day = new DateOnly(2026, 1, 6);
        await using var other = new DeliveryHarness(clock, channel, limits: Unpaced, sharedDatabase: harness.Database, instance: "second");

        await TickAsync(Utc(day, 0), Utc(day, 23, 45), async now =>
        {
            if (now == Utc(day, 11))
            {
                await AnswerAsync(bob, MessageOn(2, day).PromptId);
            }
        }, other.Nudges);

        var nudge = Assert.Single(channel.Nudges);
        Assert.Equal(ann.Key.LearnerId, nudge.UserId);
        Assert.Equal(Utc(day, 17), nudge.At);
        Assert.Equal(MessageOn(1, day).PromptId, nudge.Message.PromptId);
        Assert.Equal("Winter refresher", nudge.Message.CampaignName);
        Assert.NotNull(await harness.Claims.GetAsync(ann.Key, day, ClaimKind.Nudge, None));

        // The reminder's button opens the same question again.
        var reopened = Assert.Single(await quiz.NextQuestionAsync(ann, nudge.Message.PromptId, None));
        Assert.Contains(nudge.Message.PromptId, CardJson.Serialize(reopened), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_reminder_when_the_day_went_to_another_campaign()
    {
        await LearnerAsync(1);
        await harness.Campaigns.SaveAsync(NewCampaign("ndgs000002", 1) with { Nudges = true, LocalTime = new TimeOnly(15, 0) }, None);
        await harness.Campaigns.SaveAsync(NewCampaign("ndgs000003", 1) with { Nudges = false, LocalTime = new TimeOnly(8, 0) }, None);
        var day = new DateOnly(2026, 1, 6);

        await TickAsync(Utc(day, 0), Utc(day, 23, 45));

        Assert.StartsWith("c.ndgs000003.", MessageOn(1, day).PromptId, StringComparison.Ordinal);
        Assert.Empty(channel.Nudges);
    }

    [Fact]
    public async Task A_campaign_day_replaces_an_earlier_personal_slot_and_other_days_keep_it()
    {
        await LearnerAsync(1);
        await harness.Schedules.SaveAsync(
            new PersonalSchedule { Learner = DeliveryHarness.Key(1), Days = Weekdays.Every, LocalTime = new TimeOnly(7, 0), UpdatedAt = clock.GetUtcNow() }, None);
        await harness.Campaigns.SaveAsync(NewCampaign("prsn000001", 1), None);
        var tuesday = new DateOnly(2026, 1, 6);
        var wednesday = new DateOnly(2026, 1, 7);

        await TickAsync(Utc(tuesday, 0), Utc(wednesday, 23, 45));

        Assert.StartsWith("c.prsn000001.", MessageOn(1, tuesday).PromptId, StringComparison.Ordinal);
        Assert.StartsWith("daily-", MessageOn(1, wednesday).PromptId, StringComparison.Ordinal);
        Assert.Equal([10, 7], channel.Sent.OrderBy(s => s.LocalDate).Select(s => s.At.Hour));
    }

    [Theory]
    [InlineData(10, 0, 17, 0)]
    [InlineData(15, 0, 18, 0)]
    [InlineData(16, 30, 19, 30)]
    public void The_reminder_comes_at_five_or_three_hours_after_the_session(int h, int m, int expectedH, int expectedM) =>
        Assert.Equal(new TimeOnly(expectedH, expectedM), harness.Nudges.ReminderTime(new TimeOnly(h, m)));

    [Fact]
    public void A_session_too_late_in_the_day_gets_no_reminder() =>
        Assert.Null(harness.Nudges.ReminderTime(new TimeOnly(21, 30)));

}
