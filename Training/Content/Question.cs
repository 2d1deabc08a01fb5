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
    /// <summary>Region codes the item applies in; empty when it applies everywhere.</summary>
    public IReadOnlyList<string> Jurisdiction { get; init; } = [];

    /// <summary>Who last reviewed the item and when; null when it was never reviewed.</summary>
    public ItemReview? Review { get; init; }

    public bool IsCore => Tracks.Contains(Track.Core);

    /// <summary>Whether a learner in the region with <paramref name="regionCode"/> may be given the item (null: unknown region).</summary>
    public bool AppliesIn(string? regionCode) => Jurisdictions.AppliesIn(Jurisdiction, regionCode);

    public bool IsFor(string? learnerTrack) =>
        IsCore || (learnerTrack is not null && Tracks.Contains(learnerTrack));

    public QuestionOption? FindOption(string optionId) =>
        Options.FirstOrDefault(o => string.Equals(o.Id, optionId, StringComparison.Ordinal));

    public bool IsCorrect(string optionId) => Correct.Contains(optionId, StringComparer.Ordinal);
}
