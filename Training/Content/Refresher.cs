namespace Beacon.Training.Content;

public sealed record Refresher(
    string Id,
    int Version,
    string Topic,
    IReadOnlyList<string> Tracks,
    IReadOnlyList<string> Indicators,
    string Title,
    IReadOnlyList<string> KeyPoints,
    string WhatToDo,
    Source Source)
{
    /// <summary>Region codes the card applies in; empty when it applies everywhere.</summary>
    public IReadOnlyList<string> Jurisdiction { get; init; } = [];

    /// <summary>Who last reviewed the card and when; null when it was never reviewed.</summary>
    public ItemReview? Review { get; init; }

    /// <summary>Whether a learner in the region with <paramref name="regionCode"/> may be shown the card (null: unknown region).</summary>
    public bool AppliesIn(string? regionCode) => Jurisdictions.AppliesIn(Jurisdiction, regionCode);

    public bool IsFor(string? learnerTrack) =>
        Tracks.Contains(Track.Core) || (learnerTrack is not null && Tracks.Contains(learnerTrack));
}
