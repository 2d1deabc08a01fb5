namespace Beacon.Training.Answers;

using Beacon.Training.Content;

/// <summary>
/// Chooses the order a question's options are shown in each time it is issued, so the right
/// answer is not always in the same place. The randomness is injected: <see cref="Random.Shared"/>
/// in the bot, a seeded <see cref="Random"/> in tests.
/// </summary>
public sealed class OptionShuffler(Random random)
{
    // A seeded Random is not thread-safe; questions are issued from concurrent turns.
    private readonly Lock gate = new();

    public OptionOrder Shuffle(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var ids = question.Options.Select(o => o.Id).ToArray();
        lock (gate)
        {
            random.Shuffle(ids);
        }

        return OptionOrder.Of(ids);
    }
}
