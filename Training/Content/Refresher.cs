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
    public bool IsFor(string? learnerTrack) =>
        Tracks.Contains(Track.Core) || (learnerTrack is not null && Tracks.Contains(learnerTrack));
}
