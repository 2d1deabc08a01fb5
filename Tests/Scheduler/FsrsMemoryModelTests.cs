namespace Beacon.Tests.Scheduler;

using Beacon.Scheduler.Memory;
using Beacon.Training.Learners;
using Beacon.Training.Reviews;

public class FsrsMemoryModelTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private static readonly FsrsOptions NoFuzz = new() { EnableFuzz = false };

    [Theory]
    [InlineData(Rating.Again, 0.212, 6.4133, 1)]
    [InlineData(Rating.Hard, 1.2931, 5.11217071, 1)]
    [InlineData(Rating.Good, 2.3065, 2.11810397, 2)]
    [InlineData(Rating.Easy, 8.2956, 1.0, 8)]
    public void First_review_without_steps_uses_initial_stability_and_difficulty(Rating rating, double s, double d, int days)
    {
        var model = new FsrsMemoryModel(NoFuzz);

        var next = model.Review(SchedulerTestData.New("q1"), rating, T0);

        Assert.Equal(s, next.Stability, 6);
        Assert.Equal(d, next.Difficulty, 6);
        Assert.Equal(ReviewPhase.Review, next.Phase);
        Assert.Equal(T0.AddDays(days), next.Due);
        Assert.Equal(T0, next.LastReview);
        Assert.Equal(1, next.Reps);
        Assert.Equal(0, next.Lapses);
    }

    [Theory]
    [InlineData(Rating.Again, ReviewPhase.Learning, 1, 0)]
    [InlineData(Rating.Hard, ReviewPhase.Learning, 6, 0)]
    [InlineData(Rating.Good, ReviewPhase.Learning, 10, 1)]
    [InlineData(Rating.Easy, ReviewPhase.Review, 8 * 1440, 0)]
    public void First_review_with_ts_fsrs_default_steps(Rating rating, ReviewPhase phase, int minutes, int step)
    {
        var model = new FsrsMemoryModel(FsrsOptions.TsFsrsDefaults);

        var next = model.Review(SchedulerTestData.New("q1"), rating, T0);

        Assert.Equal(phase, next.Phase);
        Assert.Equal(T0.AddMinutes(minutes), next.Due);
        Assert.Equal(step, next.Step);
    }

    [Fact]
    public void Interval_grows_with_each_good_review()
    {
        var model = new FsrsMemoryModel(NoFuzz);
        var state = SchedulerTestData.New("q1");
        var now = T0;
        var previous = TimeSpan.Zero;
        for (var i = 0; i < 8; i++)
        {
            state = model.Review(state, Rating.Good, now);
            var interval = state.Due!.Value - now;
            Assert.True(interval > previous, $"review {i}: {interval} after {previous}");
            previous = interval;
            now = state.Due.Value;
        }

        Assert.True(previous > TimeSpan.FromDays(100));
    }

    [Fact]
    public void Again_on_a_review_item_is_a_lapse()
    {
        var model = new FsrsMemoryModel(NoFuzz);
        var state = SchedulerTestData.Reviewed("q1", 20, T0, T0.AddDays(20));
        var now = T0.AddDays(20);

        var next = model.Review(state, Rating.Again, now);

        Assert.Equal(state.Lapses + 1, next.Lapses);
        Assert.True(next.Stability < state.Stability / 4);
        Assert.True(next.Difficulty > state.Difficulty);
        Assert.Equal(ReviewPhase.Review, next.Phase); // no relearning steps in production
        Assert.True(next.Due <= now.AddDays(3));

        var withSteps = new FsrsMemoryModel(FsrsOptions.TsFsrsDefaults).Review(state, Rating.Again, now);
        Assert.Equal(ReviewPhase.Relearning, withSteps.Phase);
        Assert.Equal(now.AddMinutes(10), withSteps.Due);
        Assert.Equal(1, withSteps.Lapses - state.Lapses);
    }

    [Fact]
    public void Fuzz_is_deterministic_and_within_the_fsrs_range()
    {
        var fuzzed = new FsrsMemoryModel(new FsrsOptions { EnableFuzz = true });
        var plain = new FsrsMemoryModel(NoFuzz);
        var now = T0.AddDays(30);
        var intervals = new HashSet<double>();
        for (var i = 0; i < 200; i++)
        {
            var state = SchedulerTestData.Reviewed("q1", 30, T0, now) with { Learner = new LearnerKey("t", $"learner-{i}") };
            var a = fuzzed.Review(state, Rating.Good, now);
            var b = fuzzed.Review(state, Rating.Good, now);
            Assert.Equal(a.Due, b.Due);

            var exact = plain.Review(state, Rating.Good, now);
            var baseDays = (exact.Due!.Value - now).TotalDays;
            var (min, max) = FuzzRangeOf(baseDays, 30);
            var days = (a.Due!.Value - now).TotalDays;
            Assert.InRange(days, min, max);
            intervals.Add(days);
        }

        Assert.True(intervals.Count > 3, "fuzz spreads intervals");
    }

    [Fact]
    public void Fuzz_seed_is_stable_across_processes()
    {
        // Pinned values: a change here would move every learner's schedule.
        Assert.Equal(FuzzSeed.Hash("t", "l", "q", 3), FuzzSeed.Hash("t", "l", "q", 3));
        Assert.NotEqual(FuzzSeed.Hash("t", "l", "q", 3), FuzzSeed.Hash("t", "l", "q", 4));
        Assert.NotEqual(FuzzSeed.Hash("ab", "c", "q", 3), FuzzSeed.Hash("a", "bc", "q", 3));
        Assert.Equal(505495907029533064UL, FuzzSeed.Hash("tenant", "learner", "question", 1));
    }

    [Fact]
    public void Interval_never_exceeds_the_maximum()
    {
        var model = new FsrsMemoryModel(new FsrsOptions { MaximumIntervalDays = 30 });
        var state = SchedulerTestData.New("q1");
        var now = T0;
        for (var i = 0; i < 10; i++)
        {
            state = model.Review(state, Rating.Easy, now);
            Assert.True(state.Due!.Value - now <= TimeSpan.FromDays(30));
            now = state.Due.Value;
        }

        Assert.Equal(TimeSpan.FromDays(30), state.Due!.Value - state.LastReview!.Value);
    }

    [Fact]
    public void Retrievability_is_the_desired_retention_at_the_interval()
    {
        var model = new FsrsMemoryModel(NoFuzz);
        var state = SchedulerTestData.Reviewed("q1", 10, T0, T0.AddDays(10));

        Assert.Equal(10, model.IntervalDays(10));
        Assert.Equal(0.9, model.Retrievability(state, T0.AddDays(10)), 6);
        Assert.Equal(1.0, model.Retrievability(state, T0), 10);
        Assert.True(model.Retrievability(state, T0.AddDays(20)) < 0.9);
        Assert.Equal(0, model.Retrievability(SchedulerTestData.New("q2"), T0));

        var lower = new FsrsMemoryModel(new FsrsOptions { EnableFuzz = false, DesiredRetention = 0.8 });
        var days = lower.IntervalDays(10);
        Assert.True(days > 10);
        Assert.InRange(lower.Retrievability(10, days), 0.79, 0.81);
    }

    [Fact]
    public void A_confident_wrong_answer_is_due_sooner_than_an_unsure_wrong_answer()
    {
        var model = new FsrsMemoryModel(NoFuzz);
        var state = SchedulerTestData.Reviewed("q1", 60, T0, T0.AddDays(60));
        var now = T0.AddDays(60);

        var unsure = model.Review(state, new AnswerRating(Rating.Again, ConfidentWrong: false), now);
        var sure = model.Review(state, new AnswerRating(Rating.Again, ConfidentWrong: true), now);

        Assert.True(sure.Due < unsure.Due, $"{sure.Due} vs {unsure.Due}");
        Assert.True(sure.Stability < unsure.Stability);
        Assert.Equal(unsure.Difficulty, sure.Difficulty);
        var later = now.AddDays(1);
        Assert.True(model.Retrievability(sure, later) < model.Retrievability(unsure, later));
    }

    [Fact]
    public void Policy_and_model_together_review_confident_wrong_sooner()
    {
        var policy = new RatingPolicy();
        var model = new FsrsMemoryModel(NoFuzz);
        var state = SchedulerTestData.Reviewed("q1", 60, T0, T0.AddDays(60));
        var now = T0.AddDays(60);

        var sureRating = policy.Rate(SchedulerTestData.Answer("q1", now, correct: false, confidence: Training.Answers.Confidence.Sure), []);
        var unsureRating = policy.Rate(SchedulerTestData.Answer("q1", now, correct: false, confidence: Training.Answers.Confidence.Unsure), []);

        Assert.True(model.Review(state, sureRating, now).Due < model.Review(state, unsureRating, now).Due);
    }

    [Fact]
    public void Elapsed_days_count_utc_calendar_days_like_ts_fsrs()
    {
        var model = new FsrsMemoryModel(NoFuzz);
        var last = new DateTimeOffset(2025, 3, 3, 23, 0, 0, TimeSpan.Zero);
        var state = SchedulerTestData.Reviewed("q1", 5, last, last.AddDays(5));

        // Two hours later but on the next UTC date: one elapsed day, not a same-day (short-term) review.
        var nextDay = model.Review(state, Rating.Good, last.AddHours(2));
        var sameDay = model.Review(state, Rating.Good, last.AddMinutes(30));

        Assert.NotEqual(nextDay.Stability, sameDay.Stability);
    }

    private static (double Min, double Max) FuzzRangeOf(double interval, int elapsed)
    {
        var delta = 1 + (0.15 * Math.Max(Math.Min(interval, 7) - 2.5, 0)) + (0.1 * Math.Max(Math.Min(interval, 20) - 7, 0)) + (0.05 * Math.Max(interval - 20, 0));
        var min = Math.Max(2, Math.Round(interval - delta, MidpointRounding.AwayFromZero));
        var max = Math.Round(interval + delta, MidpointRounding.AwayFromZero);
        if (interval > elapsed)
        {
            min = Math.Max(min, elapsed + 1);
        }

        return (Math.Min(min, max), max);
    }
}
