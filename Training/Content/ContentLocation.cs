namespace Beacon.Training.Content;

/// <summary>Where an item was read from: file relative to the content directory, and 1-based line.</summary>
public sealed record ContentLocation(string File, int Line);
