namespace Beacon.Tests.Understanding;

using Beacon.Dialogs.Intents;

/// <summary>The nearest-examples margin, on a hand-made encoder whose vectors are known.</summary>
public class ConcernSimilarityTests
{
    private static readonly LabelledMessage[] Examples =
    [
        new(2, true, null, false, "concern a"),
        new(3, true, null, false, "concern b"),
        new(4, true, null, false, "concern c"),
        new(5, false, null, false, "everyday a"),
        new(6, false, null, false, "everyday b"),
        new(7, false, null, false, "everyday c"),
    ];

    [Fact]
    public void The_margin_is_nearest_concerns_minus_nearest_everyday()
    {
        var encoder = new AxisEncoder();
        var similarity = new ConcernSimilarity(encoder, Examples);

        // "near concern" lies along the concern axis (0.8) and a little along the everyday one (0.6).
        Assert.Equal(0.8 - 0.6, similarity.Margin("near concern")!.Value, 5);
        Assert.True(similarity.ReadsAsConcern("near concern"));
        Assert.Equal(0.6 - 0.8, similarity.Margin("near everyday")!.Value, 5);
        Assert.False(similarity.ReadsAsConcern("near everyday"));
    }

    [Fact]
    public void Examples_are_encoded_once_however_many_messages_are_read()
    {
        var encoder = new AxisEncoder();
        var similarity = new ConcernSimilarity(encoder, Examples);

        Parallel.For(0, 20, _ => similarity.Margin("near concern"));

        Assert.Equal(Examples.Length, encoder.ExampleEncodings);
    }

    [Fact]
    public void Without_a_model_there_is_no_reading()
    {
        var similarity = new ConcernSimilarity(new NoModel(), Examples);

        Assert.Null(similarity.Margin("near concern"));
        Assert.Null(similarity.ReadsAsConcern("near concern"));
        Assert.False(similarity.Warm());
    }

    [Fact]
    public void Examples_of_one_label_only_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new ConcernSimilarity(new AxisEncoder(), Examples.Where(row => row.IsConcern).ToList()));
        Assert.Contains("both labels", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Concern examples on axis 0, everyday ones on axis 1; "near ..." messages between them.</summary>
    private sealed class AxisEncoder : ISentenceEncoder
    {
        private int exampleEncodings;

        public int ExampleEncodings => exampleEncodings;

        public IReadOnlyList<float[]>? Encode(IReadOnlyList<string> sentences) => sentences.Select(Vector).ToList();

        private float[] Vector(string text)
        {
            if (!text.StartsWith("near", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref exampleEncodings);
            }

            return text switch
            {
                "near concern" => [0.8f, 0.6f],
                "near everyday" => [0.6f, 0.8f],
                _ when text.StartsWith("concern", StringComparison.Ordinal) => [1f, 0f],
                _ => [0f, 1f],
            };
        }
    }

    private sealed class NoModel : ISentenceEncoder
    {
        public IReadOnlyList<float[]>? Encode(IReadOnlyList<string> sentences) => null;
    }
}
