namespace Beacon.Training.Content;

/// <summary>
/// A scenario question. <see cref="Id"/> is stable forever; <see cref="Version"/> bumps when the
/// wording is edited, and learners' history follows the id.
/// </summary>
public sealed record Question(
    string Id,
    int Version,
    string Topic,
    IReadOnlyList<string> Tracks,
    Difficulty Difficulty,
    string Locale,
    string? Indicator,
    string Stem,
    IReadOnlyList<QuestionOption> Options,
    IReadOnlyList<string> Correct,
    string Explanation,
    string WhatToDo,
    Source Source)
{
    public bool IsCore => Tracks.Contains(Track.Core);

    public bool IsFor(string? learnerTrack) =>
        IsCore || (learnerTrack is not null && Tracks.Contains(learnerTrack));

    public QuestionOption? FindOption(string optionId) =>
        Options.FirstOrDefault(o => string.Equals(o.Id, optionId, StringComparison.Ordinal));

    public bool IsCorrect(string optionId) => Correct.Contains(optionId, StringComparer.Ordinal);
}
