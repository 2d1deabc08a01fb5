namespace Beacon.Bench;

using System.Globalization;
using Beacon.Dialogs.Intents;

/// <summary>
/// <c>--margins</c>: how the embedding margin spreads over concern and everyday rows that reach it
/// (the rules neither found nor ruled them out) and over all concern rows, to choose a threshold on
/// files other than the one it is checked on.
/// </summary>
internal static class MarginSpread
{
    private static readonly double[] Shares = [0.01, 0.05, 0.10, 0.25, 0.50];
    private static readonly double[] HighShares = [0.50, 0.75, 0.90, 0.95, 0.99, 1.0];

    public static void Print(IReadOnlyList<LabelledMessage> rows, ConcernSimilarity similarity, TextWriter output)
    {
        var concerns = rows.Where(row => row.IsConcern).Select(row => similarity.Margin(row.Text) ?? double.NaN).ToList();
        var everyday = rows.Where(row => !row.IsConcern && MessageUnderstanding.MayBeUnsaidConcern(row.Text) && IntentRecognizer.Recognize(row.Text) != Intent.Report)
            .Select(row => (row.Text, Margin: similarity.Margin(row.Text) ?? double.NaN)).ToList();
        output.WriteLine("    concern margins (all rows), low end: " + Quantiles(concerns, Shares));
        output.WriteLine("    everyday margins (rows reaching the embedding), high end: " + Quantiles(everyday.Select(e => e.Margin).ToList(), HighShares));
        foreach (var (text, margin) in everyday.Where(e => e.Margin > 0).OrderByDescending(e => e.Margin))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"      {margin:F3} {text}"));
        }
    }

    private static string Quantiles(List<double> values, double[] shares)
    {
        if (values.Count == 0)
        {
            return "none";
        }

        return string.Join(", ", shares.Select(share => string.Create(CultureInfo.InvariantCulture, $"{share:P0} {UnderstandingBench.Percentile(values, share):F3}"))) + $" (n={values.Count})";
    }
}
