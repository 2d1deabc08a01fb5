namespace Beacon.Tests.Understanding;

using Beacon.Dialogs.Intents;

/// <summary>The examples shipped for the sentence model are the seen corpus files, no more (no blind file) and no less.</summary>
public class ConcernExamplesTests
{
    private static readonly string[] SeenFiles = ["train.tsv", "heldout.tsv", "heldout2.tsv"];

    [Fact]
    public void The_shipped_examples_are_the_seen_corpus_files_in_order()
    {
        var seen = SeenFiles.SelectMany(file => UnderstandingCorpus.Read(Path.Combine(UnderstandingFiles.Folder, file)))
            .Select(row => (row.IsConcern, row.Text)).ToList();

        var shipped = ConcernExamples.Shipped().Select(row => (row.IsConcern, row.Text)).ToList();

        Assert.Equal(seen, shipped);
    }

    [Fact]
    public void No_blind_message_is_shipped_as_an_example()
    {
        var blind = Path.Combine(UnderstandingFiles.Folder, "heldout3.tsv");
        var shipped = ConcernExamples.Shipped().Select(row => row.Text).ToHashSet(StringComparer.Ordinal);
        var blindTexts = File.Exists(blind) ? UnderstandingCorpus.Read(blind).Select(row => row.Text).ToList() : [];

        Assert.DoesNotContain(blindTexts, shipped.Contains);
    }
}
