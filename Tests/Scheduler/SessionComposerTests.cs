namespace Beacon.Tests.Scheduler;

using Beacon.Scheduler.Memory;
using Beacon.Scheduler.Sessions;
using Beacon.Training.Answers;
using Beacon.Training.Content;
using Beacon.Training.Reviews;
using Microsoft.Extensions.Time.Testing;
using static SchedulerTestData;

public class SessionComposerTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 10, 8, 0, 0, TimeSpan.Zero);

    private readonly FsrsMemoryModel model = new(new FsrsOptions { EnableFuzz = false });

    private SessionComposer Composer(SessionComposerOptions? options = null) => new(model, options ?? new SessionComposerOptions());

    private static SessionRequest Request(
        ContentPack pack, IReadOnlyList<ReviewState>? states = null, IReadOnlyList<AnswerRecord>? answers = null,
        DateTimeOffset? now = null, int size = 3, bool onDemand = false, string? track = null, string? timeZone = null) =>
        new(Learner(track, timeZone), pack, states ?? [], answers ?? [], now ?? Now, size, onDemand);

    private static List<string> Ids(SessionPlan plan) => plan.Questions.Select(q => q.Id).ToList();

    [Fact]
    public void Due_reviews_come_first_lowest_retrievability_first()
    {
        var pack = Pack([
            Question("n1", Topic.Definition),
            Question("a", Topic.Forms), Question("b", Topic.Forms), Question("c", Topic.Forms), Question("d", Topic.Forms),
        ]);
        var states = new[]
        {
            Reviewed("a", stability: 10, Now.AddDays(-11), Now.AddDays(-1)), // R ~ 0.89
            Reviewed("b", stability: 2, Now.AddDays(-5), Now.AddDays(-3)),   // R ~ 0.83, lowest
            Reviewed("c", stability: 30, Now.AddDays(-31), Now.AddDays(-1)), // R ~ 0.897
            Reviewed("d", stability: 30, Now.AddDays(-2), Now.AddDays(28)),  // not due
        };

        var plan = Composer().Compose(Request(pack, states, size: 4));

        Assert.Equal(["b", "a", "c", "n1"], Ids(plan));
    }

    [Fact]
    public void New_items_core_before_track_then_topic_order()
    {
        var pack = Pack([
            Question("hc1", Topic.Definition, Track.Healthcare),
            Question("ind1", Topic.Indicators),
            Question("def1", Topic.Definition),
            Question("le1", Topic.Definition, Track.LawEnforcement),
        ]);

        var first = Composer(new SessionComposerOptions { MaxNewTopicsPerSession = 8 }).Compose(Request(pack, size: 4, track: Track.Healthcare));

        Assert.Equal(["def1", "ind1", "hc1"], Ids(first));
    }

    [Fact]
    public void New_items_of_met_topics_are_interleaved_with_one_new_topic_first()
    {
        var pack = Pack([
            Question("def1", Topic.Definition), Question("def2", Topic.Definition), Question("def3", Topic.Definition),
            Question("def4", Topic.Definition),
            Question("for1", Topic.Forms), Question("for2", Topic.Forms), Question("for3", Topic.Forms),
            Question("ind1", Topic.Indicators), Question("ind2", Topic.Indicators),
            Question("imp1", Topic.Impact),
        ]);
        var states = new[]
        {
            Reviewed("def1", 5, Now.AddDays(-2), Now.AddDays(3)),
            Reviewed("for1", 5, Now.AddDays(-2), Now.AddDays(3)),
        };

        var plan = Composer().Compose(Request(pack, states, size: 5));

        // Indicators is met for the first time (first); definition and forms alternate; impact waits.
        Assert.Equal(["ind1", "def2", "for2", "ind2", "def3"], Ids(plan));
        Assert.All(Ids(plan).Zip(Ids(plan).Skip(1)), p => Assert.NotEqual(p.First[..3], p.Second[..3]));
    }

    [Fact]
    public void A_brand_new_learner_meets_one_topic_opened_by_its_refresher()
    {
        var pack = Pack(
            [Question("def1", Topic.Definition), Question("def2", Topic.Definition), Question("for1", Topic.Forms)],
            [Refresher("r-forms", Topic.Forms), Refresher("r-def", Topic.Definition)]);

        var plan = Composer().Compose(Request(pack));

        Assert.Equal(["def1", "def2"], Ids(plan));
        Assert.Equal("r-def", plan.OpeningRefresher?.Id);
    }

    [Fact]
    public void Opening_refresher_only_when_meeting_a_topic_for_the_first_time()
    {
        var pack = Pack(
            [Question("def1", Topic.Definition), Question("def2", Topic.Definition), Question("for1", Topic.Forms, indicator: "debt")],
            [Refresher("r-def", Topic.Definition), Refresher("r-forms", Topic.Forms), Refresher("r-debt", Topic.Forms, Track.Core, "debt")]);
        var answered = new[] { Answer("def1", Now.AddDays(-3)) };
        var states = new[] { Reviewed("def1", 10, Now.AddDays(-3), Now.AddDays(7)) };

        var meetsForms = Composer().Compose(Request(pack, states, answered, size: 2));
        Assert.Equal(["for1", "def2"], Ids(meetsForms));
        Assert.Equal("r-debt", meetsForms.OpeningRefresher?.Id); // the one covering the question's indicator

        var alreadyMet = Composer().Compose(Request(pack, [.. states, Reviewed("for1", 10, Now.AddDays(-2), Now.AddDays(8))], [.. answered, Answer("for1", Now.AddDays(-2))], size: 2));
        Assert.Equal(["def2"], Ids(alreadyMet));
        Assert.Null(alreadyMet.OpeningRefresher);
    }

    [Fact]
    public void The_answered_questions_summary_composes_what_the_answer_log_composes()
    {
        var pack = Pack(
            [Question("def1", Topic.Definition), Question("def2", Topic.Definition), Question("for1", Topic.Forms)],
            [Refresher("r-def", Topic.Definition), Refresher("r-forms", Topic.Forms)]);
        // Answers without review states (a crash between the two writes): only the log says that
        // def1 was answered today and that both topics were met.
        var log = new[] { Answer("def1", Now.AddHours(-1)), Answer("for1", Now.AddDays(-4)), Answer("for1", Now.AddDays(-2)) };
        var answered = new[] { new AnsweredQuestion("def1", AnsweredInWindow: true), new AnsweredQuestion("for1", AnsweredInWindow: false) };

        var fromLog = Composer().Compose(Request(pack, answers: log));
        var fromSummary = Composer().Compose(Request(pack) with { Answered = answered });
        var withoutEither = Composer().Compose(Request(pack));

        Assert.Equal(["def2", "for1"], Ids(fromLog));
        Assert.Null(fromLog.OpeningRefresher);
        Assert.Equal(Ids(fromLog), Ids(fromSummary));
        Assert.Equal(fromLog.OpeningRefresher, fromSummary.OpeningRefresher);
        Assert.Equal(["def1", "def2"], Ids(withoutEither));
        Assert.Equal("r-def", withoutEither.OpeningRefresher?.Id);
        var day = LearnerDay.Of(Now, ianaTimeZone: null);
        Assert.Equal(answered, AnsweredQuestion.Summarize(log, day.Start, day.End));
    }

    [Fact]
    public void Never_the_same_item_twice_in_the_learners_local_day_across_a_utc_date_boundary()
    {
        const string la = "America/Los_Angeles"; // UTC-8 in January
        var pack = Pack([Question("a", Topic.Definition), Question("b", Topic.Definition)]);
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 1, 14, 23, 0, 0, TimeSpan.Zero)); // 15:00 local, 14 Jan
        var answeredAt = clock.GetUtcNow();
        var states = new[] { Reviewed("a", 0.5, answeredAt, answeredAt.AddMinutes(10)) };
        var answers = new[] { Answer("a", answeredAt) };

        clock.Advance(TimeSpan.FromHours(7)); // 06:00 UTC on 15 Jan, still 22:00 on 14 Jan in Los Angeles: "a" is due but was answered today
        var sameLocalDay = Composer().Compose(Request(pack, states, answers, clock.GetUtcNow(), size: 3, onDemand: true, timeZone: la));
        Assert.Equal(["b", "a"], Ids(sameLocalDay)); // on demand, "a" only as a last resort
        var scheduled = Composer().Compose(Request(pack, states, answers, clock.GetUtcNow(), size: 3, timeZone: la));
        Assert.Equal(["b"], Ids(scheduled));

        var utcLearner = Composer().Compose(Request(pack, states, answers, clock.GetUtcNow(), size: 3));
        Assert.Equal(["a", "b"], Ids(utcLearner)); // for a UTC learner it is a new day and "a" is due

        clock.Advance(TimeSpan.FromHours(3)); // 01:00 on 15 Jan in Los Angeles: a new local day
        var nextLocalDay = Composer().Compose(Request(pack, states, answers, clock.GetUtcNow(), size: 3, timeZone: la));
        Assert.Equal(["a", "b"], Ids(nextLocalDay));
    }

    [Fact]
    public void Unknown_time_zone_falls_back_to_utc()
    {
        var day = LearnerDay.Of(Now, "Not/AZone");
        Assert.Equal(new DateOnly(2025, 3, 10), day.Date);
        Assert.Equal(new DateTimeOffset(2025, 3, 10, 0, 0, 0, TimeSpan.Zero), day.Start);
        Assert.Equal(TimeSpan.FromDays(1), day.End - day.Start);
    }

    [Fact]
    public void Sessions_are_capped_per_day()
    {
        var pack = Pack(Enumerable.Range(1, 10).Select(i => Question($"def{i}", Topic.Definition)).ToList());

        Assert.Equal(3, Composer().Compose(Request(pack, size: 0)).Questions.Count); // default 3
        Assert.Equal(2, Composer().Compose(Request(pack, size: 2)).Questions.Count);

        var answeredToday = new[] { Answer("def1", Now.AddHours(-2)), Answer("def2", Now.AddHours(-1)) };
        var rest = Composer().Compose(Request(pack, answers: answeredToday, size: 3));
        Assert.Equal(["def3"], Ids(rest));

        var done = Composer().Compose(Request(pack, answers: [.. answeredToday, Answer("def3", Now.AddMinutes(-5))], size: 3));
        Assert.Empty(done.Questions);

        var extra = Composer().Compose(Request(pack, answers: [.. answeredToday, Answer("def3", Now.AddMinutes(-5))], size: 3, onDemand: true));
        Assert.Equal(3, extra.Questions.Count);
    }

    [Fact]
    public void Retired_items_are_skipped_until_their_recall_fades()
    {
        var pack = Pack([Question("old", Topic.Definition), Question("new", Topic.Forms), Question("due", Topic.Forms)]);
        var retired = Reviewed("old", stability: 400, Now.AddDays(-500), Now.AddDays(-100));
        var due = Reviewed("due", stability: 20, Now.AddDays(-21), Now.AddDays(-1));

        var plan = Composer().Compose(Request(pack, [retired, due], size: 3));
        Assert.Equal(["due", "new"], Ids(plan));

        var faded = retired with { LastReview = Now.AddDays(-2000) };
        Assert.True(model.Retrievability(faded, Now) < 0.8);
        Assert.Equal(["old", "due", "new"], Ids(Composer().Compose(Request(pack, [faded, due], size: 3))));

        var higherBound = Composer(new SessionComposerOptions { RetireStabilityDays = 1000 });
        Assert.Equal(["old", "due", "new"], Ids(higherBound.Compose(Request(pack, [retired, due], size: 3))));
    }

    [Fact]
    public void On_demand_offers_not_yet_due_items_without_changing_state()
    {
        var pack = Pack([Question("a", Topic.Definition), Question("b", Topic.Definition)]);
        var states = new[]
        {
            Reviewed("a", 30, Now.AddDays(-3), Now.AddDays(27)),
            Reviewed("b", 5, Now.AddDays(-3), Now.AddDays(2)),
        };

        Assert.Empty(Composer().Compose(Request(pack, states)).Questions);
        var extra = Composer().Compose(Request(pack, states, onDemand: true));

        Assert.Equal(["b", "a"], Ids(extra)); // lowest retrievability first
        Assert.Equal(Now.AddDays(27), states[0].Due);
    }

    [Fact]
    public void Confident_wrong_answers_rank_before_unsure_wrong_answers()
    {
        var pack = Pack([Question("sure", Topic.Definition), Question("unsure", Topic.Definition)]);
        var policy = new RatingPolicy();
        var reviewedAt = Now.AddDays(-5);
        var mature = Reviewed("x", 3, reviewedAt.AddDays(-3), reviewedAt);
        var sureWrong = model.Review(
            mature with { QuestionId = "sure" }, policy.Rate(Answer("sure", reviewedAt, correct: false, confidence: Confidence.Sure), []), reviewedAt);
        var unsureWrong = model.Review(
            mature with { QuestionId = "unsure" }, policy.Rate(Answer("unsure", reviewedAt, correct: false, confidence: Confidence.Unsure), []), reviewedAt);
        Assert.True(sureWrong.Due <= unsureWrong.Due);

        var plan = Composer().Compose(Request(pack, [unsureWrong, sureWrong], size: 1));

        Assert.Equal(["sure"], Ids(plan));
    }

    [Fact]
    public void Questions_for_other_tracks_are_never_planned()
    {
        var pack = Pack([Question("le1", Topic.Definition, Track.LawEnforcement), Question("core1", Topic.Definition)]);
        var states = new[] { Reviewed("le1", 2, Now.AddDays(-10), Now.AddDays(-8)) };

        Assert.Equal(["core1"], Ids(Composer().Compose(Request(pack, states, track: Track.Healthcare))));
    }
}
