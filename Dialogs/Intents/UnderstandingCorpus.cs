namespace Beacon.Dialogs.Intents;

/// <summary>
/// Reads an understanding corpus (<c>label	region	person	text</c>, UTF-8 TSV with that header).
/// A malformed row is reported with its line number rather than skipped, so no example is lost silently.
/// </summary>
public static class UnderstandingCorpus
{
    private const string Header = "label\tregion\tperson\ttext";

    public static IReadOnlyList<LabelledMessage> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllLines(path), path);
    }

    public static IReadOnlyList<LabelledMessage> Parse(IReadOnlyList<string> lines, string source)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0 || lines[0].TrimStart('\uFEFF') != Header)
        {
            throw new FormatException($"{source}: the first line must be the header '{Header.Replace("\t", "<tab>", StringComparison.Ordinal)}'");
        }

        var rows = new List<LabelledMessage>(lines.Count - 1);
        for (var i = 1; i < lines.Count; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            rows.Add(ParseRow(lines[i], i + 1, source));
        }

        return rows;
    }

    /// <summary>
    /// The fixed 30% of a corpus kept out of tuning when no separate held-out file exists: decided
    /// by a stable hash of the text (FNV-1a), so adding rows never moves old ones between parts.
    /// </summary>
    public static bool IsInOwnHeldOutPart(LabelledMessage row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var hash = 2166136261u;
        foreach (var c in row.Text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash % 10 < 3;
    }

    private static LabelledMessage ParseRow(string line, int number, string source)
    {
        var fields = line.Split('\t');
        if (fields.Length != 4)
        {
            throw new FormatException($"{source}:{number}: expected 4 tab-separated fields, found {fields.Length}");
        }

        var isConcern = fields[0] switch
        {
            "concern" => true,
            "everyday" => false,
            _ => throw new FormatException($"{source}:{number}: label must be 'concern' or 'everyday', not '{fields[0]}'"),
        };
        var region = fields[1] == "-" ? null : fields[1];
        if (region is not null && !isConcern)
        {
            throw new FormatException($"{source}:{number}: only concern rows carry a region");
        }

        var firstPerson = fields[2] switch
        {
            "first" => true,
            "-" => false,
            _ => throw new FormatException($"{source}:{number}: person must be 'first' or '-', not '{fields[2]}'"),
        };
        if (string.IsNullOrWhiteSpace(fields[3]))
        {
            throw new FormatException($"{source}:{number}: the text is empty");
        }

        return new LabelledMessage(number, isConcern, region, firstPerson, fields[3]);
    }
}
