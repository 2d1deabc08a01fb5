namespace Beacon.Training.Answers;

/// <summary>
/// A question the learner has answered at least once, and whether one of those answers was given
/// inside a window of time (for composing a session: the learner's day). What a session needs
/// from the answer log, without the log.
/// </summary>
public sealed record AnsweredQuestion(string QuestionId, bool AnsweredInWindow)
{
    /// <summary>
    /// The answered questions of <paramref name="answers"/>, one each, ordered by question id
    /// (ordinal); answered in the window when an answer's instant is in [<paramref name="windowStart"/>, <paramref name="windowEnd"/>).
    /// </summary>
    public static IReadOnlyList<AnsweredQuestion> Summarize(
        IEnumerable<AnswerRecord> answers, DateTimeOffset windowStart, DateTimeOffset windowEnd)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var inWindow = new SortedDictionary<string, bool>(StringComparer.Ordinal);
        foreach (var answer in answers)
        {
            var within = answer.AnsweredAt >= windowStart && answer.AnsweredAt < windowEnd;
            inWindow[answer.QuestionId] = within || inWindow.GetValueOrDefault(answer.QuestionId);
        }

        return [.. inWindow.Select(pair => new AnsweredQuestion(pair.Key, pair.Value))];
    }

    /// <summary>
    /// The response times (answered minus issued) of the latest <paramref name="latest"/> of
    /// <paramref name="answers"/> given before <paramref name="before"/>, leaving out prompt
    /// <paramref name="exceptPromptId"/>, in log order (by answer instant, then prompt id).
    /// </summary>
    public static IReadOnlyList<TimeSpan> ResponseTimesBefore(
        IEnumerable<AnswerRecord> answers, DateTimeOffset before, string exceptPromptId, int latest)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentOutOfRangeException.ThrowIfLessThan(latest, 1);
        return [.. answers
            .Where(a => a.AnsweredAt < before && !string.Equals(a.PromptId, exceptPromptId, StringComparison.Ordinal))
            .OrderBy(a => a.AnsweredAt.UtcTicks)
            .ThenBy(a => a.PromptId, StringComparer.Ordinal)
            .TakeLast(latest)
            .Select(a => a.ResponseTime)];
    }
}
