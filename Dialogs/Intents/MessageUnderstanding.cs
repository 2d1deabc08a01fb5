namespace Beacon.Dialogs.Intents;

/// <summary>
/// The intent of a typed message: the word rules (<see cref="IntentRecognizer"/>) first, then, for a
/// message the rules do not read as a concern and do not settle as everyday (commands, stop and
/// schedule wordings, small talk, privacy requests, idioms, study talk), the sentence-embedding
/// reading over labelled examples (<see cref="ConcernSimilarity"/>). Without a model it is the rules alone.
/// </summary>
public sealed class MessageUnderstanding(ConcernSimilarity? similarity)
{
    /// <summary>The word rules alone: what runs when no sentence model could be loaded.</summary>
    public static MessageUnderstanding RulesOnly { get; } = new(null);

    /// <summary>Loads the model and encodes the examples now; false when there is no model (rules only).</summary>
    public bool Warm() => similarity?.Warm() ?? false;

    public Intent Recognize(string? text)
    {
        var intent = IntentRecognizer.Recognize(text);
        if (intent is Intent.Report or Intent.CampaignReport || similarity is null || text is null || !MayBeUnsaidConcern(text))
        {
            return intent;
        }

        return similarity.ReadsAsConcern(text) == true ? Intent.Report : intent;
    }

    /// <summary>Whether the embedding may still read <paramref name="text"/> as a concern: the rules neither found nor ruled one out.</summary>
    public static bool MayBeUnsaidConcern(string text)
    {
        var words = TextNormalizer.Words(text);
        return words.Count > 0
            && !ConcernRecognizer.IsSettledEveryday(words)
            && !IntentRecognizer.IsFeatureReport(words)
            && !StopCommands.IsStop(text)
            && ScheduleCommands.Recognize(text) is null
            && SmallTalk.Recognize(text) is null
            && PrivacyCommands.FromText(text) == PrivacyCommand.None
            && ManagerCommands.Recognize(text) is null;
    }
}
