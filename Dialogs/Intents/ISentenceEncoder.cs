namespace Beacon.Dialogs.Intents;

/// <summary>
/// Turns sentences into unit-length vectors, so that the dot product of two is their similarity.
/// Returns null when no model is available: callers then rely on the word rules alone.
/// </summary>
public interface ISentenceEncoder
{
    IReadOnlyList<float[]>? Encode(IReadOnlyList<string> sentences);
}
