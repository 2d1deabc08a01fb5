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
}

public sealed record AppendResult(AnswerRecord Stored, bool Added);
