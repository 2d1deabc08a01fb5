namespace Beacon.Dialogs.Intents;

using System.Globalization;
using System.Text;

public enum SmallTalkKind
{
    Greeting,
    Thanks,
    Apology,
    NoWorries,
    Approval,
    Yes,
    No,
    Unsure,
}

/// <summary>
/// Greetings, thanks, apologies, emoji and yes/no that are the whole message ("hi", "sorry I'm
/// late", "👍", "I think so"). A message with anything else in it ("hi, quiz me") is not small talk,
/// so commands keep working. Checked after the reporting need.
/// </summary>
public static class SmallTalk
{
    /// <summary>Words that may come with small talk without changing what it is.</summary>
    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "beacon", "bot", "there", "all", "everyone", "again", "so", "very", "much", "a", "lot", "really", "just", "oh", "ok",
        "okay", "well", "then", "too", "mate", "guys", "folks", "friend", "for", "that", "the", "this", "it", "you", "im",
        "i", "am", "late", "bit", "my", "bad", "about", "lol", "haha", "great", "cool", "nice", "good", "to", "be",
    };

    private static readonly (SmallTalkKind Kind, string[][] Phrases)[] Phrases =
    [
        (SmallTalkKind.NoWorries, [["no", "worries"], ["no", "problem"], ["no", "prob"], ["dont", "worry"], ["all", "good"], ["thats", "fine"], ["never", "mind"], ["nevermind"]]),
        (SmallTalkKind.Unsure, [["i", "think", "so"], ["i", "guess"], ["i", "guess", "so"], ["maybe"], ["perhaps"], ["not", "sure"], ["possibly"], ["probably"], ["dunno"], ["i", "dont", "know"], ["idk"]]),
        (SmallTalkKind.Apology, [["sorry"], ["apologies"], ["my", "apologies"], ["my", "bad"], ["oops"], ["pardon"]]),
        (SmallTalkKind.No, [["no"], ["nope"], ["nah"], ["no", "thanks"], ["no", "thank", "you"], ["not", "now"], ["not", "really"]]),
        (SmallTalkKind.Thanks, [["thanks"], ["thank", "you"], ["thank", "u"], ["thx"], ["ty"], ["cheers"], ["ta"], ["thankyou"], ["much", "appreciated"], ["appreciate", "it"]]),
        (SmallTalkKind.Greeting, [["hi"], ["hello"], ["hey"], ["hiya"], ["howdy"], ["yo"], ["greetings"], ["good", "morning"], ["good", "afternoon"], ["good", "evening"], ["morning"], ["afternoon"], ["evening"], ["gday"], ["kia", "ora"], ["how", "are", "you"], ["hows", "it", "going"], ["whats", "up"], ["sup"]]),
        (SmallTalkKind.Yes, [["yes"], ["yeah"], ["yep"], ["yup"], ["sure"], ["ok"], ["okay"], ["k"], ["alright"], ["of", "course"], ["absolutely"], ["definitely"], ["got", "it"], ["understood"], ["great"], ["cool"], ["nice"], ["awesome"], ["perfect"], ["good"]]),
    ];

    private const int MaxWords = 7;

    public static SmallTalkKind? Recognize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var words = TextNormalizer.Words(text);
        if (words.Count == 0)
        {
            return IsOnlyEmoji(text) ? SmallTalkKind.Approval : null;
        }

        if (words.Count > MaxWords)
        {
            return null;
        }

        // The first kind whose phrase is in the message, when every other word is filler or another small-talk phrase.
        SmallTalkKind? found = null;
        var covered = new bool[words.Count];
        foreach (var (kind, phrases) in Phrases)
        {
            if (WordSequence.Cover(words, phrases, covered))
            {
                found ??= kind;
            }
        }

        if (found is null)
        {
            return null;
        }

        for (var i = 0; i < words.Count; i++)
        {
            if (!covered[i] && !Filler.Contains(words[i]))
            {
                return null;
            }
        }

        return found;
    }

    /// <summary>A short natural answer; every one leaves the next step open.</summary>
    public static string Reply(SmallTalkKind kind, string? name) => kind switch
    {
        SmallTalkKind.Greeting => $"Hello{(string.IsNullOrWhiteSpace(name) ? string.Empty : " " + FirstName(name))}! Ready for a two-minute question? Type **quiz** to start, or **help** to see what I can do.",
        SmallTalkKind.Thanks => "You're welcome. Type **quiz** any time for another question.",
        SmallTalkKind.Apology => "No need to apologise. Type **quiz** when you're ready, or **help** to see what I can do.",
        SmallTalkKind.NoWorries => "Thanks. I'm here whenever you want a question: just type **quiz**.",
        SmallTalkKind.Approval => "👍 Type **quiz** whenever you want another question.",
        SmallTalkKind.Yes => "Great. Type **quiz** for a question, or **help** to see what I can do.",
        SmallTalkKind.No => "No problem. I'm here when you need me: type **help** to see what I can do.",
        _ => "That's fine. If you'd like to practise, type **quiz**; for anything else, type **help**.",
    };

    private static string FirstName(string name) => name.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];

    /// <summary>Emoji, symbols and punctuation only, with at least one emoji or symbol (not just "?").</summary>
    private static bool IsOnlyEmoji(string text)
    {
        var sawSymbol = false;
        var runes = text.EnumerateRunes();
        foreach (var rune in runes)
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.OtherSymbol or UnicodeCategory.MathSymbol or UnicodeCategory.ModifierSymbol)
            {
                sawSymbol = true;
            }
            else if (!(Rune.IsWhiteSpace(rune) || Rune.IsPunctuation(rune) || category is UnicodeCategory.NonSpacingMark
                or UnicodeCategory.Format or UnicodeCategory.EnclosingMark || rune.Value == 0xFE0F))
            {
                return false;
            }
        }

        return sawSymbol;
    }
}
