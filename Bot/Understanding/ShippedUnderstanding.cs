namespace Beacon.Bot.Understanding;

using Beacon.Dialogs.Intents;
using Microsoft.Extensions.Logging;

/// <summary>
/// One <see cref="MessageUnderstanding"/> per process over the shipped examples: the model and the
/// examples' vectors are computed once, however many hosts the process builds (tests build many).
/// </summary>
public static class ShippedUnderstanding
{
    private static readonly Lock Gate = new();
    private static MessageUnderstanding? shared;

    public static MessageUnderstanding For(ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(loggers);
        lock (Gate)
        {
            return shared ??= new MessageUnderstanding(
                new ConcernSimilarity(new MiniLmSentenceEncoder(loggers.CreateLogger<MiniLmSentenceEncoder>()), ConcernExamples.Shipped()));
        }
    }
}
