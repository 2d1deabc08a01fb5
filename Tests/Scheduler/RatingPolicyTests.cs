namespace Beacon.Tests.Scheduler;

using Beacon.Scheduler.Memory;
using Beacon.Training.Answers;

public class RatingPolicyTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private static List<AnswerRecord> History(params int[] seconds) =>
        seconds.Select((s, i) => SchedulerTestData.Answer($"h{i}", T0.AddDays(-i - 1), responseTime: TimeSpan.FromSeconds(s))).ToList();

    [Theory]
    [InlineData(false, Confidence.Unsure, Rating.Again, false)]
    [InlineData(false, Confidence.Sure, Rating.Again, true)]
    [InlineData(true, Confidence.Unsure, Rating.Hard, false)]
    [InlineData(true, Confidence.Sure, Rating.Good, false)]
    public void Maps_correctness_and_confidence(bool correct, Confidence confidence, Rating expected, bool confidentWrong)
    {
        var policy = new RatingPolicy();

        var rating = policy.Rate(SchedulerTestData.Answer("q", T0, correct, confidence, TimeSpan.FromSeconds(30)), History(10, 12, 14, 16, 18));

        Assert.Equal(new AnswerRating(expected, confidentWrong), rating);
    }

    [Fact]
    public void Right_sure_and_faster_than_the_learners_median_is_easy()
    {
        var policy = new RatingPolicy();
        var history = History(10, 20, 30, 40, 50); // median 30 s

        Assert.Equal(Rating.Easy, policy.Rate(SchedulerTestData.Answer("q", T0, responseTime: TimeSpan.FromSeconds(29)), history).Rating);
        Assert.Equal(Rating.Good, policy.Rate(SchedulerTestData.Answer("q", T0, responseTime: TimeSpan.FromSeconds(30)), history).Rating);
        Assert.Equal(
            Rating.Hard,
            policy.Rate(SchedulerTestData.Answer("q", T0, confidence: Confidence.Unsure, responseTime: TimeSpan.FromSeconds(1)), history).Rating);
        Assert.Equal(
            Rating.Again,
            policy.Rate(SchedulerTestData.Answer("q", T0, correct: false, responseTime: TimeSpan.FromSeconds(1)), history).Rating);
    }

    [Fact]
    public void Fast_needs_a_minimum_history()
    {
        var policy = new RatingPolicy();
        var fast = SchedulerTestData.Answer("q", T0, responseTime: TimeSpan.FromSeconds(1));

        Assert.Equal(Rating.Good, policy.Rate(fast, History(30, 30, 30, 30)).Rating);
        Assert.Equal(Rating.Easy, policy.Rate(fast, History(30, 30, 30, 30, 30)).Rating);
        Assert.Equal(Rating.Easy, new RatingPolicy(new RatingPolicyOptions { MinimumHistory = 2 }).Rate(fast, History(30, 30)).Rating);
    }

    [Fact]
    public void Only_the_latest_answers_set_the_learners_pace()
    {
        // Long ago the learner took a minute an answer; lately they take ten seconds.
        var history = Enumerable.Range(0, 300)
            .Select(i => SchedulerTestData.Answer($"h{i}", T0.AddDays(-300 + i), responseTime: TimeSpan.FromSeconds(i < 200 ? 60 : 10)))
            .ToList();
        var answer = SchedulerTestData.Answer("q", T0, responseTime: TimeSpan.FromSeconds(20));

        Assert.Equal(100, new RatingPolicy().HistoryWindow);
        Assert.Equal(Rating.Good, new RatingPolicy().Rate(answer, history).Rating);
        Assert.Equal(Rating.Good, new RatingPolicy().RateAgainst(answer, [.. history.Select(a => a.ResponseTime)]).Rating);
        Assert.Equal(Rating.Easy, new RatingPolicy(new RatingPolicyOptions { HistoryWindow = 300 }).Rate(answer, history).Rating);
    }

    [Fact]
    public void Only_earlier_answers_of_other_prompts_count()
    {
        var policy = new RatingPolicy();
        var answer = SchedulerTestData.Answer("q", T0, responseTime: TimeSpan.FromSeconds(5), promptId: "this");
        var later = Enumerable.Range(0, 5)
            .Select(i => SchedulerTestData.Answer($"l{i}", T0.AddDays(i + 1), responseTime: TimeSpan.FromSeconds(60)))
            .Append(answer)
            .ToList();

        Assert.Equal(Rating.Good, policy.Rate(answer, later).Rating);
    }

    [Fact]
    public void Rating_against_earlier_response_times_matches_rating_against_the_log()
    {
        var policy = new RatingPolicy();
        var history = History(10, 20, 30, 40, 50, -5); // a negative time (clock skew) does not count
        var fast = SchedulerTestData.Answer("q", T0, responseTime: TimeSpan.FromSeconds(25));
        var slow = SchedulerTestData.Answer("q", T0, responseTime: TimeSpan.FromSeconds(35));
        var earlier = history.Select(a => a.ResponseTime).ToList();

        Assert.Equal(Rating.Easy, policy.RateAgainst(fast, earlier).Rating);
        Assert.Equal(Rating.Good, policy.RateAgainst(slow, earlier).Rating);
        Assert.Equal(policy.Rate(fast, history), policy.RateAgainst(fast, earlier));
        Assert.Equal(policy.Rate(slow, history), policy.RateAgainst(slow, earlier));
        Assert.Equal(new AnswerRating(Rating.Again, true), policy.RateAgainst(slow with { Correct = false }, earlier));
    }
}
