namespace Beacon.Tests.Understanding;

using Beacon.Dialogs.Intents;

/// <summary>The examples shipped for the sentence model are the seen corpus files, no more (no blind file) and no less. Short everyday
/// messages such as "thanks" or "quiz" also occur, written independently, in the blind heldout3.tsv.</summary>
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
}
