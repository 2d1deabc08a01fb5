namespace Beacon.Bench;

using System.Diagnostics;
using System.Globalization;
using Beacon.Dialogs.Intents;

/// <summary>What the sentence model costs a bot process: the first message (model load and examples encoded), memory, and one reading.</summary>
internal static class ModelCost
{
    private const string FirstMessage = "the new cleaner at my sister's hotel sleeps in the laundry and looks exhausted all the time";

    private static readonly string[] Messages =
    [
        "my neighbour's nanny never seems to have a day off", "can we move the team lunch to friday", "he looks younger than he says",
        "the lads on the farm were brought over in a van", "what time is the all hands", "she is not allowed out of the salon",
    ];

    private const int TimedReadings = 300;

    public static void Measure(MessageUnderstanding understanding, TextWriter output)
    {
        var before = Process.GetCurrentProcess().WorkingSet64;
        var start = Stopwatch.GetTimestamp();
        _ = understanding.Recognize(FirstMessage);
        var coldStart = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        var after = Process.GetCurrentProcess().WorkingSet64;

        var times = new List<double>(TimedReadings);
        for (var i = 0; i < TimedReadings; i++)
        {
            var message = Messages[i % Messages.Length];
            var started = Stopwatch.GetTimestamp();
            _ = understanding.Recognize(message);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var p50 = UnderstandingBench.Percentile(times, 0.50);
        var p99 = UnderstandingBench.Percentile(times, 0.99);
        output.WriteLine("| sentence model cost | value |");
        output.WriteLine("| --- | --- |");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| first message (cold start: model load, {ConcernExamples.Shipped().Count} examples encoded, one reading) | {coldStart:F0} ms |"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| process working set before / after loading | {before / 1e6:F0} MB / {after / 1e6:F0} MB |"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| one message read by the embedding, warm (p50 / p99 of {TimedReadings}) | {p50:F1} ms / {p99:F1} ms |"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| the first message reached the embedding | {MessageUnderstanding.MayBeUnsaidConcern(FirstMessage)} |"));
    }
}
