namespace Beacon.Bench;

using System.Diagnostics;
using System.Globalization;
using Beacon.Bench.Turns;
using Beacon.Dialogs.Intents;
using Beacon.Training.Content;

/// <summary>
/// <c>places [--show-heldout-misses]</c>: how often <see cref="RegionFromWords"/> picks the right region,
/// or none when no place is named. Prints the seen understanding corpus files (regions labelled on
/// concern rows; everyday rows must give none) and the tuning part of Tests/Fixtures/places with each
/// miss, then one line with the tuning and held-out numbers and the p99 cost of one lookup.
/// </summary>
internal static class PlacesBench
{
    private const int TimedPasses = 200;
    private static readonly string[] SeenCorpusFiles = ["train.tsv", "heldout.tsv", "heldout2.tsv"];

    public static int Run(string[] args, TextWriter output)
    {
        var showHeldOutMisses = args.Contains("--show-heldout-misses");
        var root = Repository.Find().Root;
        var pack = ContentPackLoader.LoadOrThrow(ContentDirectory.Require(Path.Combine(root, "content")));
        var regions = new RegionFromWords(pack);
        var texts = new List<string>();

        foreach (var file in SeenCorpusFiles)
        {
            var path = Path.Combine(root, "Tests", "Fixtures", "understanding", file);
            if (File.Exists(path))
            {
                var rows = UnderstandingCorpus.Read(path);
                texts.AddRange(rows.Select(row => row.Text));
                Report(output, $"{file} (seen)", ScoreSeen(rows, regions), showMisses: true);
            }
        }

        var places = Path.Combine(root, "Tests", "Fixtures", "places");
        var tuningRows = UnderstandingCorpus.Read(Path.Combine(places, "tuning.tsv"));
        var heldOutRows = UnderstandingCorpus.Read(Path.Combine(places, "heldout.tsv"));
        texts.AddRange(tuningRows.Select(row => row.Text));
        var tuning = ScoreOwn(tuningRows, regions);
        var heldOut = ScoreOwn(heldOutRows, regions);
        Report(output, "places/tuning.tsv", tuning, showMisses: true);
        Report(output, "places/heldout.tsv (written first, never tuned on)", heldOut, showHeldOutMisses);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"places: tuning {Percent(tuning)}% ({tuning.Right}/{tuning.Rows}), held-out {Percent(heldOut)}% ({heldOut.Right}/{heldOut.Rows}), p99 {P99Milliseconds(texts, regions):F4} ms per lookup ({PlaceNames.ByName.Count} names)"));
        return 0;
    }

    /// <summary>Understanding corpus: a labelled concern row must get its region; an everyday row none (a "-" concern row is not scored: it may name a place nobody labelled).</summary>
    private static Score ScoreSeen(IReadOnlyList<LabelledMessage> rows, RegionFromWords regions)
    {
        var misses = new List<string>();
        var scored = 0;
        var right = 0;
        foreach (var row in rows.Where(row => row.Region is not null || !row.IsConcern))
        {
            scored++;
            var found = regions.RegionCode(row.Text);
            right += found == row.Region ? 1 : 0;
            if (found != row.Region)
            {
                misses.Add($"  {found ?? "none"} for {row.Region ?? "none"} (line {row.Line}): {row.Text}");
            }
        }

        return new Score(scored, right, misses);
    }

    /// <summary>Own place sentences: every row is labelled, "-" meaning no place is named.</summary>
    private static Score ScoreOwn(IReadOnlyList<LabelledMessage> rows, RegionFromWords regions)
    {
        var misses = new List<string>();
        var right = 0;
        foreach (var row in rows)
        {
            var found = regions.RegionCode(row.Text);
            right += found == row.Region ? 1 : 0;
            if (found != row.Region)
            {
                misses.Add($"  {found ?? "none"} for {row.Region ?? "none"} (line {row.Line}): {row.Text}");
            }
        }

        return new Score(rows.Count, right, misses);
    }

    private static double P99Milliseconds(List<string> texts, RegionFromWords regions)
    {
        texts.ForEach(text => regions.RegionCode(text));
        var times = new List<double>(texts.Count * TimedPasses);
        for (var pass = 0; pass < TimedPasses; pass++)
        {
            foreach (var text in texts)
            {
                var start = Stopwatch.GetTimestamp();
                regions.RegionCode(text);
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        times.Sort();
        return times[(int)Math.Ceiling(times.Count * 0.99) - 1];
    }

    private static void Report(TextWriter output, string title, Score score, bool showMisses)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{title}: {score.Right}/{score.Rows} right ({Percent(score)}%)"));
        if (showMisses)
        {
            score.Misses.ForEach(output.WriteLine);
        }
    }

    private static string Percent(Score score) =>
        (100.0 * score.Right / Math.Max(1, score.Rows)).ToString("F1", CultureInfo.InvariantCulture);

    private sealed record Score(int Rows, int Right, List<string> Misses);
}
