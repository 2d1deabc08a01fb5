namespace Beacon.Training.Answers;

using Beacon.Training.Content;
using Beacon.Training.Learners;

/// <summary>
/// A question card Beacon sent to a learner. An answer is accepted only for a prompt that was
/// issued to that learner, once, and only for an option that prompt offered; the prompt id makes
/// a redelivered answer idempotent.
/// </summary>
public sealed record IssuedQuestion(
    LearnerKey Learner,
    string PromptId,
    string QuestionId,
    int QuestionVersion,
    DateTimeOffset IssuedAt,
    bool OnDemand)
{
    /// <summary>The order the options were shown in; null for a record issued before shuffling (the pack order).</summary>
    public OptionOrder? OptionOrder { get; init; }

    /// <summary>
    /// A refresher card the learner read right before this question: sent with this prompt, or
    /// with the prompt answered just before it. Null when none.
    /// </summary>
    public string? RefresherId { get; init; }

    /// <summary>The order this prompt showed the question's options in.</summary>
    public OptionOrder OrderOf(Question question) => OptionOrder ?? OptionOrder.PackOrderOf(question);
}
