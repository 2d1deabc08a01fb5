namespace Beacon.Tests.Understanding;

using Beacon.Dialogs.Intents;
using Beacon.Tests.Support;
using Beacon.Training.Content;

/// <summary>The understanding corpus files and the shipped content pack, for the recogniser tests.</summary>
internal static class UnderstandingFiles
{
    private static readonly Lazy<ContentPack> ShippedPack = new(() => ContentPackLoader.LoadOrThrow(RepositoryRoot.Combine("content")));

    public static string Folder => RepositoryRoot.Combine("Tests", "Fixtures", "understanding");

    public static ContentPack Pack => ShippedPack.Value;

    public static IReadOnlyList<LabelledMessage> Train() => UnderstandingCorpus.Read(Path.Combine(Folder, "train.tsv"));

    /// <summary>The round-1 held-out file: seen since round 1, so now tuning material like train.tsv.</summary>
    public static IReadOnlyList<LabelledMessage> SeenHeldOut() => UnderstandingCorpus.Read(Path.Combine(Folder, "heldout.tsv"));
}
