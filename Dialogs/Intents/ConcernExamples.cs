namespace Beacon.Dialogs.Intents;

/// <summary>
/// The labelled messages shipped with Beacon for <see cref="ConcernSimilarity"/>: concern-examples.tsv,
/// embedded in this assembly (the understanding corpus format; its rows come from the tuning corpus).
/// </summary>
public static class ConcernExamples
{
    private const string ResourceName = "Beacon.Dialogs.Intents.concern-examples.tsv";

    public static IReadOnlyList<LabelledMessage> Shipped()
    {
        using var stream = typeof(ConcernExamples).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from {typeof(ConcernExamples).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return UnderstandingCorpus.Parse(lines, ResourceName);
    }
}
