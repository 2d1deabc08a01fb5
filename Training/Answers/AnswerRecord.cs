namespace Beacon.Training.Answers;

using Beacon.Training.Learners;

/// <summary>One entry of the append-only answer log. <see cref="PromptId"/> is its idempotency key.</summary>
public sealed record AnswerRecord(
    LearnerKey Learner,
    string PromptId,
    string QuestionId,
    int QuestionVersion,
    string OptionId,
    bool Correct,
    Confidence Confidence,
    DateTimeOffset IssuedAt,
    DateTimeOffset AnsweredAt)
{
    public TimeSpan ResponseTime => AnsweredAt - IssuedAt;
}
