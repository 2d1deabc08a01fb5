namespace Beacon.Cards.Views;

public sealed record FeedbackView(
    bool Correct,
    bool WasSure,
    string Stem,
    string ChosenText,
    string ChosenFeedback,
    IReadOnlyList<string> CorrectAnswers,
    string Explanation,
    string WhatToDo,
    string SourceTitle,
    Uri SourceUrl,
    string? RefresherTopic)
{
    /// <summary>The next question of the campaign session this answer belongs to; null outside a session or after its last question.</summary>
    public SessionStep? Next { get; init; }

    /// <summary>The refresher of this topic the learner read right before the question, so "Refresh this topic" offers another.</summary>
    public string? JustReadRefresherId { get; init; }
}

/// <summary>A question of a campaign session still to come: its prompt id and its place ("2 of 3").</summary>
public sealed record SessionStep(string PromptId, int Number, int Total);
