namespace Beacon.Training.Answers;

using Beacon.Training.Learners;

/// <summary>
/// A question card Beacon sent to a learner. An answer is accepted only for a prompt that was
/// issued to that learner, once; the prompt id makes a redelivered answer idempotent.
/// </summary>
public sealed record IssuedQuestion(
    LearnerKey Learner,
    string PromptId,
    string QuestionId,
    int QuestionVersion,
    DateTimeOffset IssuedAt,
    bool OnDemand);
