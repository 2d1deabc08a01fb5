namespace Beacon.Tests.Understanding;

using Beacon.Dialogs.Intents;

/// <summary>
/// Round 2's blind false alarms, fixed by general rules and checked on wordings of the same kind
/// that were not in any corpus, with concerns using the same words beside them.
/// </summary>
public class EverydayUsesOfConcernWordsTests
{
    [Theory]
    [InlineData("the shared drive is in danger of filling up")]
    [InlineData("the shared kitchen is a mess again")]
    [InlineData("what's the law on modern slavery")]
    [InlineData("are there laws about child labour in other countries")]
    [InlineData("need to report the broken lift to facilities")]
    [InlineData("I'll report the faulty printer to IT")]
    [InlineData("how do I report a leak in the ceiling")]
    [InlineData("forced to reboot again, ugh")]
    [InlineData("we were forced to reschedule the meeting")]
    [InlineData("we should exploit the new dashboard feature more")]
    [InlineData("let's exploit the gap in the market")]
    public void Everyday_uses_are_not_concerns(string text) =>
        Assert.NotEqual(Intent.Report, IntentRecognizer.Recognize(text));

    [Theory]
    [InlineData("the workers in the shared house look scared of the man who drives them")]
    [InlineData("she is forced to work in the kitchen without pay")]
    [InlineData("how do I report a family who keep a maid locked in")]
    [InlineData("I want to report my employer, he took my passport")]
    [InlineData("her boss exploits her, she works 16 hours and gets nothing")]
    [InlineData("a worker is scraed of his boss")]
    public void Concerns_with_the_same_words_still_are(string text) =>
        Assert.Equal(Intent.Report, IntentRecognizer.Recognize(text));

    [Theory]
    [InlineData("shared", "scared")]
    [InlineData("sacred", "scared")]
    [InlineData("concert", "concern")]
    [InlineData("fortified", "forced")]
    public void A_real_english_word_is_never_a_typo_of_a_cue(string word, string cue) =>
        Assert.False(TypoTolerance.Matches(word, cue));

    [Theory]
    [InlineData("scraed", "scared")]
    [InlineData("trafficing", "trafficking")]
    [InlineData("passprot", "passport")]
    public void A_misspelling_still_reads_as_the_cue(string word, string cue) =>
        Assert.True(TypoTolerance.Matches(word, cue));
}
