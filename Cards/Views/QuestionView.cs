namespace Beacon.Cards.Views;

public sealed record OptionView(string Id, string Text);

/// <summary>A question as the learner sees it. PromptId ties the answer to this card.</summary>
public sealed record QuestionView(
    string PromptId,
    string QuestionId,
    string TopicTitle,
    string Stem,
    IReadOnlyList<OptionView> Options);
