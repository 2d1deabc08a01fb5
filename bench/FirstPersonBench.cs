namespace Beacon.Bench;

using System.Diagnostics;
using System.Globalization;
using Beacon.Bench.Turns;
using Beacon.Dialogs.Intents;

/// <summary>
/// How well <see cref="FirstPersonDisclosure"/> finds the writer's own disclosures among concern
/// messages of the understanding corpus (column <c>person</c>), file by file, and what one call costs.
/// </summary>
public static class FirstPersonBench
{
    private const int TimingRounds = 20;

    public static int Run(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var folder = Path.Combine(Repository.Find().Root, "Tests", "Fixtures", "understanding");
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.tsv").Order(StringComparer.Ordinal).ToList() : [];
        if (files.Count == 0)
        {
            output.WriteLine($"first-person: no corpus files in {folder}");
            return 1;
        }

        output.WriteLine("| file | concern rows | first person | found | false first person | precision | recall | everyday flagged |");
        output.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        var misses = new List<string>();
        var texts = new List<string>();
        foreach (var file in files)
        {
            var rows = File.ReadLines(file).Skip(1).Where(line => line.Length > 0).Select(line => line.Split('\t')).ToList();
            var concern = rows.Where(r => r[0] == "concern").ToList();
            int truePositive = 0, falsePositive = 0, falseNegative = 0;
            foreach (var row in concern)
            {
                var expected = row[2] == "first";
                var found = FirstPersonDisclosure.IsFirstPerson(row[3]);
                truePositive += expected && found ? 1 : 0;
                falsePositive += !expected && found ? 1 : 0;
                falseNegative += expected && !found ? 1 : 0;
                if (expected != found)
                {
                    misses.Add($"  {Path.GetFileName(file)} {(expected ? "missed" : "false")}: {row[3]}");
                }
            }

            var everydayFlagged = rows.Count(r => r[0] == "everyday" && FirstPersonDisclosure.IsFirstPerson(r[3]));
            texts.AddRange(rows.Select(r => r[3]));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {Path.GetFileName(file)} | {concern.Count} | {truePositive + falseNegative} | {truePositive} | {falsePositive} | {Percent(truePositive, truePositive + falsePositive)} | {Percent(truePositive, truePositive + falseNegative)} | {everydayFlagged} |"));
        }

        var timings = new List<double>();
        for (var round = 0; round < TimingRounds; round++)
        {
            foreach (var text in texts)
            {
                var started = Stopwatch.GetTimestamp();
                _ = FirstPersonDisclosure.IsFirstPerson(text);
                timings.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
            }
        }

        timings.Sort();
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"first-person cost per message: p50 {timings[timings.Count / 2]:F1} µs, p99 {timings[(int)(timings.Count * 0.99)]:F1} µs ({timings.Count} calls)"));
        if (misses.Count > 0)
        {
            output.WriteLine("misreadings:");
            misses.ForEach(output.WriteLine);
        }

        return 0;
    }

    private static string Percent(int part, int whole) =>
        whole == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * part / whole:F1}%");
}
