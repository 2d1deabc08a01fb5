namespace Beacon.Tests.Understanding;

using Beacon.Dialogs.Intents;

/// <summary>The corpus files parse, are large enough, and bad rows are refused with their line number.</summary>
public class UnderstandingCorpusTests
{
    public static TheoryData<string> CorpusFiles()
    {
        var files = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(UnderstandingFiles.Folder, "*.tsv").Order(StringComparer.Ordinal))
        {
            files.Add(Path.GetFileName(path));
        }

        return files;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Every_corpus_file_parses_with_known_region_codes(string file)
    {
        var rows = UnderstandingCorpus.Read(Path.Combine(UnderstandingFiles.Folder, file));

        Assert.NotEmpty(rows);
        var unknown = rows.Where(row => row.Region is not null && UnderstandingFiles.Pack.FindRegion(row.Region) is null).ToList();
        Assert.True(unknown.Count == 0, string.Join(Environment.NewLine, unknown.Select(row => $"line {row.Line}: {row.Region}")));
    }

    [Fact]
    public void Train_has_at_least_220_concern_and_220_everyday_messages_all_different()
    {
        var rows = UnderstandingFiles.Train();

        Assert.True(rows.Count(row => row.IsConcern) >= 220, $"{rows.Count(row => row.IsConcern)} concern rows");
        Assert.True(rows.Count(row => !row.IsConcern) >= 220, $"{rows.Count(row => !row.IsConcern)} everyday rows");
        Assert.Equal(rows.Count, rows.Select(row => row.Text).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void The_own_held_out_part_is_about_30_percent_and_stable()
    {
        var rows = UnderstandingFiles.Train();

        var share = (double)rows.Count(UnderstandingCorpus.IsInOwnHeldOutPart) / rows.Count;

        Assert.InRange(share, 0.2, 0.4);
        Assert.True(UnderstandingCorpus.IsInOwnHeldOutPart(rows[0] with { Line = 999 }) == UnderstandingCorpus.IsInOwnHeldOutPart(rows[0]));
    }

    [Theory]
    [InlineData("text\tlabel\n", "first line must be the header")]
    [InlineData("label\tregion\tperson\ttext\nconcern\t-\t-\n", ":2: expected 4 tab-separated fields, found 3")]
    [InlineData("label\tregion\tperson\ttext\nworried\t-\t-\thi\n", ":2: label must be 'concern' or 'everyday'")]
    [InlineData("label\tregion\tperson\ttext\neveryday\tUK\t-\thi\n", ":2: only concern rows carry a region")]
    [InlineData("label\tregion\tperson\ttext\nconcern\t-\tme\thelp\n", ":2: person must be 'first' or '-'")]
    [InlineData("label\tregion\tperson\ttext\nconcern\t-\t-\t \n", ":2: the text is empty")]
    public void A_bad_row_is_refused_with_where_it_is(string content, string expected)
    {
        var error = Assert.Throws<FormatException>(() => UnderstandingCorpus.Parse(content.Split('\n'), "bad.tsv"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("bad.tsv", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_keep_label_region_person_and_text()
    {
        var rows = UnderstandingCorpus.Parse(["label\tregion\tperson\ttext", "concern\tUK\tfirst\tmy boss took my passport, I'm in Leeds", "", "everyday\t-\t-\thi"], "x.tsv");

        Assert.Equal(new LabelledMessage(2, true, "UK", true, "my boss took my passport, I'm in Leeds"), rows[0]);
        Assert.Equal(new LabelledMessage(4, false, null, false, "hi"), rows[1]);
    }
}
