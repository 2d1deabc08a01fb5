namespace Beacon.Scheduler.Memory;

using Beacon.Training.Answers;

/// <summary>Settings of <see cref="RatingPolicy"/>.</summary>
public sealed record RatingPolicyOptions
{
    /// <summary>How many earlier answers a learner needs before "fast" can be judged. Default 5.</summary>
    public int MinimumHistory { get; init; } = 5;

    /// <summary>
    /// An answer is fast when its response time is below this fraction of the learner's median
    /// response time over their earlier answers. Default 1.0 (below the median).
    /// </summary>
    public double FastFractionOfMedian { get; init; } = 1.0;

    /// <summary>
    /// How many of the learner's latest earlier answers the median is taken over. Default 100: the
    /// learner's speed now, not years ago, and the same bounded read on every answer however long
    /// someone has used Beacon.
    /// </summary>
    public int HistoryWindow { get; init; } = 100;
}

/// <summary>
/// Turns one answer into an FSRS grade.
/// </summary>
/// <remarks>
/// The mapping:
/// <list type="table">
/// <listheader><term>answer</term><description>grade</description></listheader>
/// <item><term>wrong (sure or unsure)</term><description><see cref="Rating.Again"/></description></item>
/// <item><term>right, unsure</term><description><see cref="Rating.Hard"/></description></item>
/// <item><term>right, sure</term><description><see cref="Rating.Good"/></description></item>
/// <item><term>right, sure and fast for this learner</term><description><see cref="Rating.Easy"/>:
/// the response time (answered minus issued) is below the learner's median response time over
/// their latest earlier answers (at most <see cref="RatingPolicyOptions.HistoryWindow"/>, times
/// <see cref="RatingPolicyOptions.FastFractionOfMedian"/>), and they have at least
/// <see cref="RatingPolicyOptions.MinimumHistory"/> earlier answers; otherwise Good.</description></item>
/// </list>
/// A wrong answer given as <see cref="Confidence.Sure"/> is flagged
/// <see cref="AnswerRating.ConfidentWrong"/>: still Again, but <see cref="FsrsMemoryModel"/> lowers
/// the post-lapse stability further, so it is due no later (usually sooner) than an unsure wrong
/// answer and ranks first among due reviews. Unsure is the default when the learner does not say.
/// </remarks>
public sealed class RatingPolicy
{
    private readonly RatingPolicyOptions options;

    public RatingPolicy()
        : this(new RatingPolicyOptions())
    {
    }

    public RatingPolicy(RatingPolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.HistoryWindow, 1, nameof(options));
        this.options = options;
    }

    /// <summary>How many of the learner's latest earlier answers <see cref="RateAgainst"/> looks at.</summary>
    public int HistoryWindow => options.HistoryWindow;

    /// <summary>
    /// Whether <see cref="Rate"/> reads the history for this answer: only a correct, sure answer
    /// is compared with the learner's earlier response times. Callers can skip loading the log otherwise.
    /// </summary>
    public static bool NeedsHistory(AnswerRecord answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return answer.Correct && answer.Confidence == Confidence.Sure;
    }

    /// <summary>
    /// Rates <paramref name="answer"/>. <paramref name="history"/> is the learner's answer log; only
    /// answers before this one (other prompts, answered earlier) count towards the median.
    /// </summary>
    public AnswerRating Rate(AnswerRecord answer, IEnumerable<AnswerRecord> history)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(history);
        return RateAgainst(answer, AnsweredQuestion.ResponseTimesBefore(history, answer.AnsweredAt, answer.PromptId, options.HistoryWindow));
    }

    /// <summary>
    /// Rates <paramref name="answer"/> like <see cref="Rate"/>, given the response times of the
    /// learner's earlier answers (other prompts, answered before this one) in log order instead of
    /// the whole log; only the latest <see cref="HistoryWindow"/> count.
    /// </summary>
    public AnswerRating RateAgainst(AnswerRecord answer, IReadOnlyList<TimeSpan> earlierResponseTimes)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(earlierResponseTimes);
        if (!answer.Correct)
        {
            return new AnswerRating(Rating.Again, answer.Confidence == Confidence.Sure);
        }

        if (answer.Confidence != Confidence.Sure)
        {
            return new AnswerRating(Rating.Hard, false);
        }

        var earlier = earlierResponseTimes.TakeLast(options.HistoryWindow).Where(t => t >= TimeSpan.Zero).ToList();
        return new AnswerRating(IsFast(answer.ResponseTime, earlier) ? Rating.Easy : Rating.Good, false);
    }

    /// <summary>Whether <paramref name="responseTime"/> is fast against the learner's earlier response times.</summary>
    public bool IsFast(TimeSpan responseTime, IReadOnlyList<TimeSpan> earlierResponseTimes)
    {
        ArgumentNullException.ThrowIfNull(earlierResponseTimes);
        if (earlierResponseTimes.Count < Math.Max(1, options.MinimumHistory) || responseTime < TimeSpan.Zero)
        {
            return false;
        }

        var sorted = earlierResponseTimes.Select(t => t.Ticks).Order().ToArray();
        var mid = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
        return responseTime.Ticks < median * options.FastFractionOfMedian;
    }
}
