namespace Beacon.Training.Ports;

using Beacon.Training.Answers;
using Beacon.Training.Learners;

public interface IAnswerStore
{
    /// <summary>Records that a question card was sent. Adding the same prompt id twice is a no-op.</summary>
    Task RecordIssuedAsync(IssuedQuestion issued, CancellationToken cancellationToken);

    Task<IssuedQuestion?> GetIssuedAsync(LearnerKey learner, string promptId, CancellationToken cancellationToken);

    /// <summary>
    /// Appends to the answer log if no answer with this prompt id exists yet. Returns the answer
    /// that is stored afterwards: the new one, or the one that was already there.
    /// </summary>
    Task<AppendResult> AppendAsync(AnswerRecord answer, CancellationToken cancellationToken);

    Task<IReadOnlyList<AnswerRecord>> ListAnswersAsync(LearnerKey learner, CancellationToken cancellationToken);

    /// <summary>
    /// Each question the learner has answered, once, ordered by question id (ordinal), with whether
    /// an answer was given in [<paramref name="windowStart"/>, <paramref name="windowEnd"/>): what
    /// <see cref="AnsweredQuestion.Summarize"/> makes of <see cref="ListAnswersAsync"/>, read without the whole log.
    /// </summary>
    Task<IReadOnlyList<AnsweredQuestion>> ListAnsweredQuestionsAsync(
        LearnerKey learner, DateTimeOffset windowStart, DateTimeOffset windowEnd, CancellationToken cancellationToken);

    /// <summary>
    /// The response times of the learner's latest <paramref name="latest"/> answers given before
    /// <paramref name="before"/>, except prompt <paramref name="exceptPromptId"/>, in log order: what
    /// <see cref="AnsweredQuestion.ResponseTimesBefore"/> makes of <see cref="ListAnswersAsync"/>,
    /// read without the whole log.
    /// </summary>
    Task<IReadOnlyList<TimeSpan>> ListResponseTimesBeforeAsync(
        LearnerKey learner, DateTimeOffset before, string exceptPromptId, int latest, CancellationToken cancellationToken);
}

public sealed record AppendResult(AnswerRecord Stored, bool Added);
