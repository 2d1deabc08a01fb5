namespace Beacon.Bench;

using System.Diagnostics;
using System.Globalization;
using Beacon.Bench.Turns;
using Beacon.Bot.Understanding;
using Beacon.Dialogs.Intents;
using Beacon.Training.Content;
using Microsoft.Extensions.Logging.Abstractions;

/// <summary>
/// <c>understanding [--show-heldout-misses] [--rules-only]</c>: how well Beacon tells a worried
/// person's message from everyday chat, and which region's numbers it would show. Prints the cost of
/// the sentence model (cold start, memory), the tuning material (train.tsv, heldout.tsv, heldout2.tsv,
/// all seen, with each miss), an untuned estimate (each file scored with examples from the other two
/// only), then the blind file: heldout3.tsv, written blind, scored with the shipped examples, when
/// present; else the estimate on heldout2.tsv from train.tsv + heldout.tsv examples, so labelled.
/// The last line is that held-out result.
/// </summary>
internal static class UnderstandingBench
{
    private const int RuleTimedPasses = 50;
    private const int ModelTimedPasses = 2;

    private static readonly string[] SeenFiles = ["train.tsv", "heldout.tsv", "heldout2.tsv"];

    public static int Run(string[] args, TextWriter output)
    {
        var showHeldOutMisses = args.Contains("--show-heldout-misses");
        var root = Repository.Find().Root;
        var folder = Path.Combine(root, "Tests", "Fixtures", "understanding");
        var pack = ContentPackLoader.LoadOrThrow(ContentDirectory.Require(Path.Combine(root, "content")));
        var regions = new RegionFromWords(pack);
        var seen = SeenFiles.ToDictionary(file => file, file => UnderstandingCorpus.Read(Path.Combine(folder, file)), StringComparer.Ordinal);

        var encoder = new MiniLmSentenceEncoder(NullLogger<MiniLmSentenceEncoder>.Instance);
        var shipped = args.Contains("--rules-only")
            ? MessageUnderstanding.RulesOnly
            : new MessageUnderstanding(new ConcernSimilarity(encoder, ConcernExamples.Shipped()));
        if (shipped != MessageUnderstanding.RulesOnly)
        {
            ModelCost.Measure(shipped, output);
        }

        foreach (var (file, rows) in seen)
        {
            Report(output, $"{file} (seen: tuning and shipped examples)", Score(rows, regions, shipped, RuleOrModelPasses(shipped)), showMisses: true);
        }

        var estimates = new Dictionary<string, Scores>(StringComparer.Ordinal);
        if (shipped != MessageUnderstanding.RulesOnly)
        {
            output.WriteLine("untuned estimate: each file scored with the examples of the other two only (margin threshold and k frozen before this ran)");
            foreach (var (file, rows) in seen)
            {
                var others = seen.Where(pair => pair.Key != file).SelectMany(pair => pair.Value).ToList();
                var understanding = new MessageUnderstanding(new ConcernSimilarity(encoder, others));
                estimates[file] = Score(rows, regions, understanding, timedPasses: 0);
                if (args.Contains("--margins"))
                {
                    MarginSpread.Print(rows, new ConcernSimilarity(encoder, others), output);
                }

                Report(output, $"  {file} by examples of {string.Join(" + ", seen.Keys.Where(other => other != file))}", estimates[file], showHeldOutMisses);
            }
        }

        var blindPath = Path.Combine(folder, "heldout3.tsv");
        if (File.Exists(blindPath))
        {
            var blind = Score(UnderstandingCorpus.Read(blindPath), regions, shipped, RuleOrModelPasses(shipped));
            Report(output, "heldout3.tsv (written blind, never tuned on)", blind, showHeldOutMisses);
            output.WriteLine(Line(blind));
            return 0;
        }

        var heldout2 = seen["heldout2.tsv"];
        var estimate = shipped == MessageUnderstanding.RulesOnly
            ? Score(heldout2, regions, shipped, RuleTimedPasses)
            : estimates["heldout2.tsv"] with { P99Milliseconds = Score(heldout2, regions, shipped, ModelTimedPasses).P99Milliseconds };
        output.WriteLine("heldout3.tsv is not there: the line below is heldout2.tsv scored with examples from train.tsv + heldout.tsv only (the rules have seen heldout2.tsv)");
        output.WriteLine("estimate " + Line(estimate));
        return 0;
    }

    private static int RuleOrModelPasses(MessageUnderstanding understanding) =>
        understanding == MessageUnderstanding.RulesOnly ? RuleTimedPasses : ModelTimedPasses;

    private static Scores Score(IReadOnlyList<LabelledMessage> rows, RegionFromWords regions, MessageUnderstanding understanding, int timedPasses)
    {
        var misses = new List<string>();
        int concerns = 0, found = 0, everyday = 0, falseAlarms = 0, withRegion = 0, rightRegion = 0;
        foreach (var row in rows)
        {
            var isConcern = understanding.Recognize(row.Text) == Intent.Report;
            var byRules = IntentRecognizer.Recognize(row.Text) == Intent.Report;
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
                    var cue = byRules ? $"cue '{ConcernRecognizer.Reason(TextNormalizer.Words(row.Text))}'" : "embedding";
                    misses.Add($"  false alarm (line {row.Line}, {cue}): {row.Text}");
                }
            }
        }

        var p99 = timedPasses == 0 ? double.NaN : P99Milliseconds(rows, regions, understanding, timedPasses);
        return new Scores(rows.Count, concerns, found, everyday, falseAlarms, withRegion, rightRegion, p99, misses);
    }

    /// <summary>Recognising one message as a turn does: the intent (embedding included), and the region for a concern.</summary>
    private static double P99Milliseconds(IReadOnlyList<LabelledMessage> rows, RegionFromWords regions, MessageUnderstanding understanding, int passes)
    {
        var times = new List<double>(rows.Count * passes);
        for (var pass = 0; pass < passes; pass++)
        {
            foreach (var row in rows)
            {
                var start = Stopwatch.GetTimestamp();
                _ = understanding.Recognize(row.Text) == Intent.Report ? regions.RegionCode(row.Text) : null;
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        return Percentile(times, 0.99);
    }

    internal static double Percentile(List<double> times, double share)
    {
        times.Sort();
        return times.Count == 0 ? 0 : times[(int)Math.Ceiling(times.Count * share) - 1];
    }

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
