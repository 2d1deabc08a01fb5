namespace Beacon.Tests.Understanding;

using Beacon.Bot.Understanding;
using Beacon.Dialogs.Intents;
using Microsoft.Extensions.Logging;
using Moq;

/// <summary>When the sentence model cannot load: one warning, and understanding by the word rules alone.</summary>
public class SentenceModelFallbackTests
{
    [Fact]
    public void A_model_that_cannot_load_logs_one_warning_and_encodes_nothing()
    {
        var logger = new Mock<ILogger>();
        var loads = 0;
        var encoder = new MiniLmSentenceEncoder(
            () =>
            {
                Interlocked.Increment(ref loads);
                throw new DllNotFoundException("onnxruntime");
            },
            logger.Object);

        var results = new IReadOnlyList<float[]>?[8];
        Parallel.For(0, results.Length, i => results[i] = encoder.Encode(["a worker sleeps in the shop"]));

        Assert.All(results, Assert.Null);
        Assert.Equal(1, loads);
        logger.Verify(
            log => log.Log(LogLevel.Warning, It.IsAny<EventId>(), It.IsAny<It.IsAnyType>(), It.IsAny<DllNotFoundException>(), It.IsAny<Func<It.IsAnyType, Exception?, string>>()),
            Times.Once);
    }

    [Theory]
    [InlineData("a child told me she is being made to work at night", Intent.Report)]
    [InlineData("how do I report trafficking in Canada", Intent.Report)]
    [InlineData("learn debt bondage", Intent.Refresher)]
    [InlineData("quiz me on forced labour", Intent.Quiz)]
    [InlineData("hi", Intent.Greeting)]
    public void Without_a_model_the_rules_decide(string text, Intent expected)
    {
        var broken = new MiniLmSentenceEncoder(() => throw new InvalidOperationException("no model"), Mock.Of<ILogger>());
        var understanding = new MessageUnderstanding(new ConcernSimilarity(broken, ConcernExamples.Shipped()));

        Assert.Equal(expected, understanding.Recognize(text));
        Assert.Equal(IntentRecognizer.Recognize(text), understanding.Recognize(text));
        Assert.False(understanding.Warm());
    }
}
