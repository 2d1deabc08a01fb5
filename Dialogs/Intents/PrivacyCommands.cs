namespace Beacon.Dialogs.Intents;

using Beacon.Cards.Builders;

/// <summary>The learner's privacy requests: see what Beacon holds, or erase it.</summary>
public enum PrivacyCommand
{
    None,

    /// <summary>"my data": show what Beacon holds.</summary>
    MyData,

    /// <summary>"forget me": ask for confirmation to erase.</summary>
    ForgetMe,

    /// <summary>The confirmation card's destructive button.</summary>
    ConfirmForget,

    /// <summary>The confirmation card's "keep" button.</summary>
    CancelForget,
}

/// <summary>
/// Recognises privacy requests. Typed text must be one of a few whole phrases (so a sentence that
/// merely mentions "data" is not taken for one); none of them contains a reporting word, and the
/// router asks the intent recogniser about a reporting need first.
/// </summary>
public static class PrivacyCommands
{
    private static readonly HashSet<string> MyDataPhrases = new(StringComparer.Ordinal)
    {
        "my data", "show my data", "see my data", "view my data", "my information", "my info", "my details",
        "what data do you have", "what data do you have about me", "what do you know about me", "what do you hold about me",
        "privacy", "my privacy", "data",
    };

    private static readonly HashSet<string> ForgetPhrases = new(StringComparer.Ordinal)
    {
        "forget me", "delete me", "erase me", "remove me", "delete my data", "erase my data", "remove my data",
        "forget my data", "delete all my data", "erase all my data", "delete my account", "delete my profile",
    };

    public static PrivacyCommand FromText(string? text)
    {
        var words = TextNormalizer.Words(text).Where(w => w is not "please" and not "beacon").ToList();
        if (words.Count == 0 || words.Count > 8)
        {
            return PrivacyCommand.None;
        }

        var phrase = string.Join(' ', words);
        return MyDataPhrases.Contains(phrase) ? PrivacyCommand.MyData
            : ForgetPhrases.Contains(phrase) ? PrivacyCommand.ForgetMe
            : PrivacyCommand.None;
    }

    public static PrivacyCommand FromVerb(string? verb) => verb switch
    {
        MyDataCard.Verb => PrivacyCommand.MyData,
        ForgetMeCard.AskVerb => PrivacyCommand.ForgetMe,
        ForgetMeCard.ConfirmVerb => PrivacyCommand.ConfirmForget,
        ForgetMeCard.CancelVerb => PrivacyCommand.CancelForget,
        _ => PrivacyCommand.None,
    };
}
