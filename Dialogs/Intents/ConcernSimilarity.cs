namespace Beacon.Dialogs.Intents;

/// <summary>
/// Reads a message by its nearest labelled examples in a sentence-embedding space: the mean
/// similarity of its <see cref="Neighbours"/> nearest concern examples minus that of its nearest
/// everyday examples. A positive margin above <see cref="Threshold"/> reads as a concern. The
/// examples are encoded once, at first use, and shared by every caller (thread-safe).
/// </summary>
public sealed class ConcernSimilarity
{
    /// <summary>How many nearest examples of each label are averaged.</summary>
    public const int Neighbours = 3;

    /// <summary>The margin a message must exceed to read as a concern (frozen: docs/understanding.md, round 3).</summary>
    public const double Threshold = 0.0;

    private const int EncodingBatch = 64;

    private readonly ISentenceEncoder encoder;
    private readonly Lazy<LabelledVectors?> examples;

    public ConcernSimilarity(ISentenceEncoder encoder, IReadOnlyList<LabelledMessage> labelled)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(labelled);
        if (!labelled.Any(row => row.IsConcern) || labelled.All(row => row.IsConcern))
        {
            throw new ArgumentException("Concern similarity needs examples of both labels", nameof(labelled));
        }

        this.encoder = encoder;
        examples = new Lazy<LabelledVectors?>(() => EncodeExamples(labelled), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The examples encoded, or false when no model could be loaded.</summary>
    public bool Warm() => examples.Value is not null;

    /// <summary>Nearest-concern minus nearest-everyday similarity, or null without a model.</summary>
    public double? Margin(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (examples.Value is not { } vectors || encoder.Encode([text]) is not [var message])
        {
            return null;
        }

        return MeanOfNearest(vectors.Concerns, message) - MeanOfNearest(vectors.Everyday, message);
    }

    /// <summary>True or false by the margin; null without a model.</summary>
    public bool? ReadsAsConcern(string text) => Margin(text) is { } margin ? margin > Threshold : null;

    private LabelledVectors? EncodeExamples(IReadOnlyList<LabelledMessage> labelled)
    {
        var concerns = new List<float[]>();
        var everyday = new List<float[]>();
        foreach (var batch in labelled.Chunk(EncodingBatch))
        {
            if (encoder.Encode(batch.Select(row => row.Text).ToList()) is not { } vectors)
            {
                return null;
            }

            for (var i = 0; i < batch.Length; i++)
            {
                (batch[i].IsConcern ? concerns : everyday).Add(vectors[i]);
            }
        }

        return new LabelledVectors(concerns, everyday);
    }

    private static double MeanOfNearest(IReadOnlyList<float[]> vectors, float[] message)
    {
        Span<double> nearest = stackalloc double[Neighbours];
        nearest.Fill(double.NegativeInfinity);
        foreach (var vector in vectors)
        {
            var similarity = Dot(vector, message);
            var lowest = 0;
            for (var i = 1; i < Neighbours; i++)
            {
                lowest = nearest[i] < nearest[lowest] ? i : lowest;
            }

            if (similarity > nearest[lowest])
            {
                nearest[lowest] = similarity;
            }
        }

        var sum = 0.0;
        var count = 0;
        foreach (var value in nearest)
        {
            if (!double.IsNegativeInfinity(value))
            {
                sum += value;
                count++;
            }
        }

        return sum / count;
    }

    private static double Dot(float[] a, float[] b)
    {
        var sum = 0f;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private sealed record LabelledVectors(IReadOnlyList<float[]> Concerns, IReadOnlyList<float[]> Everyday);
}
