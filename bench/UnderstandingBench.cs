namespace Beacon.Bench;

using System.Diagnostics;
using System.Globalization;
using Beacon.Bench.Turns;
using Beacon.Dialogs.Intents;
using Beacon.Training.Content;

/// <summary>
/// <c>understanding [--show-heldout-misses]</c>: how well Beacon tells a worried person's message
/// from everyday chat, and which region's numbers it would show. Prints the tuning material
/// (train.tsv and the round-1 heldout.tsv, with each miss), then the held-out file: heldout2.tsv,
/// written blind, when present; else heldout.tsv, labelled "seen" because it was tuned on. The last
/// line is the held-out result.
/// </summary>
internal static class UnderstandingBench
{
    private const int TimedPasses = 200;

    public static int Run(string[] args, TextWriter output)
    {
        var showHeldOutMisses = args.Contains("--show-heldout-misses");
        var root = Repository.Find().Root;
        var folder = Path.Combine(root, "Tests", "Fixtures", "understanding");
        var pack = ContentPackLoader.LoadOrThrow(ContentDirectory.Require(Path.Combine(root, "content")));
        var regions = new RegionFromWords(pack);

        var train = UnderstandingCorpus.Read(Path.Combine(folder, "train.tsv"));
        var seen = UnderstandingCorpus.Read(Path.Combine(folder, "heldout.tsv"));
        Report(output, "train.tsv (tuning)", Score(train, regions), showMisses: true);
        var seenScores = Score(seen, regions);
        Report(output, "heldout.tsv (round 1, seen: tuning)", seenScores, showMisses: true);

        var blindPath = Path.Combine(folder, "heldout2.tsv");
        if (!File.Exists(blindPath))
        {
            output.WriteLine("heldout2.tsv is not there: the line below is heldout.tsv, which has been seen (tuned on)");
            output.WriteLine("seen " + Line(seenScores));
            return 0;
        }

        var blind = Score(UnderstandingCorpus.Read(blindPath), regions);
        Report(output, "heldout2.tsv (written blind, never tuned on)", blind, showHeldOutMisses);
        output.WriteLine(Line(blind));
        return 0;
    }

    private static Scores Score(IReadOnlyList<LabelledMessage> rows, RegionFromWords regions)
    {
        var misses = new List<string>();
        int concerns = 0, found = 0, everyday = 0, falseAlarms = 0, withRegion = 0, rightRegion = 0;
        foreach (var row in rows)
        {
            var isConcern = IntentRecognizer.Recognize(row.Text) == Intent.Report;
            if (row.IsConcern)
            {
                concerns++;
                found += isConcern ? 1 : 0;
                if (!isConcern)
                {
                    misses.Add($"  missed concern (line {row.Line}): {row.Text}");
                }

                if (row.Region is not null)
                {
                    withRegion++;
                    var region = regions.RegionCode(row.Text);
                    rightRegion += region == row.Region ? 1 : 0;
                    if (region != row.Region)
                    {
                        misses.Add($"  wrong region {region ?? "none"} for {row.Region} (line {row.Line}): {row.Text}");
                    }
                }
            }
            else
            {
                everyday++;
                falseAlarms += isConcern ? 1 : 0;
                if (isConcern)
                {
                    misses.Add($"  false alarm (line {row.Line}, cue '{ConcernRecognizer.Reason(TextNormalizer.Words(row.Text))}'): {row.Text}");
                }
            }
        }

        return new Scores(rows.Count, concerns, found, everyday, falseAlarms, withRegion, rightRegion, P99Milliseconds(rows, regions), misses);
    }

    /// <summary>Recognising one message as a turn does: the intent, and the region for a concern.</summary>
    private static double P99Milliseconds(IReadOnlyList<LabelledMessage> rows, RegionFromWords regions)
    {
        foreach (var row in rows)
        {
            Recognise(row.Text, regions);
        }

        var times = new List<double>(rows.Count * TimedPasses);
        for (var pass = 0; pass < TimedPasses; pass++)
        {
            foreach (var row in rows)
            {
                var start = Stopwatch.GetTimestamp();
                Recognise(row.Text, regions);
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        times.Sort();
        return times.Count == 0 ? 0 : times[(int)Math.Ceiling(times.Count * 0.99) - 1];
    }

    private static string? Recognise(string text, RegionFromWords regions) =>
        IntentRecognizer.Recognize(text) == Intent.Report ? regions.RegionCode(text) : null;

    private static void Report(TextWriter output, string title, Scores scores, bool showMisses)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{title}: {scores.Rows} rows, {scores.Found}/{scores.Concerns} concerns found, {scores.FalseAlarms}/{scores.Everyday} everyday false alarms, {scores.RightRegion}/{scores.WithRegion} regions right"));
        if (showMisses)
        {
            foreach (var miss in scores.Misses)
            {
                output.WriteLine(miss);
            }
        }
    }

    private static string Line(Scores s) => string.Create(CultureInfo.InvariantCulture,
        $"understanding: concern recall {Percent(s.Found, s.Concerns)}%, everyday false alarms {Percent(s.FalseAlarms, s.Everyday)}%, region {Percent(s.RightRegion, s.WithRegion)}%, precision {Percent(s.Found, s.Found + s.FalseAlarms)}%, p99 {s.P99Milliseconds:F3} ms per message");

    private static string Percent(int part, int whole) =>
        whole == 0 ? "n/a" : (100.0 * part / whole).ToString("F1", CultureInfo.InvariantCulture);

    private sealed record Scores(
        int Rows, int Concerns, int Found, int Everyday, int FalseAlarms, int WithRegion, int RightRegion, double P99Milliseconds, IReadOnlyList<string> Misses);
}
