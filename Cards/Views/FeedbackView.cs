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
    string? RefresherTopic);
