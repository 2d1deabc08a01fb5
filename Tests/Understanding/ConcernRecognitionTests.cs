namespace Beacon.Tests.Understanding;

using Beacon.Dialogs.Intents;

/// <summary>What the issue asks of concern understanding, message by message, and on the tuning corpus.</summary>
public class ConcernRecognitionTests
{
    [Theory]
    [InlineData("a child told me she is being made to work at night")]
    [InlineData("a worker says he has to pay back 8000 dollars before he can go home")]
    [InlineData("a worker on site says he has to pay back 8000 dollars before he can go home")]
    [InlineData("a 15 year old told our counsellor she is being sold online")]
    [InlineData("she said she owes a debt she can never pay off")]
    [InlineData("they took my passport and I can't leave")]
    [InlineData("I'm in the UK, who do I call?")]
    [InlineData("how do I report trafficking in Canada")]
    [InlineData("who do I call in Ireland")]
    [InlineData("report")]
    [InlineData("reprot")]
    [InlineData("traficking")]
    [InlineData("quiz about trafficking? no, I need to report something")]
    public void A_worried_persons_words_get_guidance(string text) =>
        Assert.Equal(Intent.Report, IntentRecognizer.Recognize(text));

    [Theory]
    [InlineData("sorry")]
    [InlineData("sorry I'm late")]
    [InlineData("no worries")]
    [InlineData("that was a great concert")]
    [InlineData("I can't talk now")]
    [InlineData("stop")]
    [InlineData("quit")]
    [InlineData("I think so")]
    [InlineData("hi")]
    [InlineData("👍")]
    [InlineData("learn debt bondage")]
    [InlineData("quiz me on forced labour")]
    [InlineData("progress report")]
    [InlineData("campaign report")]
    [InlineData("our report is due friday")]
    public void Everyday_words_are_never_a_concern(string text) =>
        Assert.NotEqual(Intent.Report, IntentRecognizer.Recognize(text));

    [Theory]
    [InlineData("learn debt bondage", Intent.Refresher)]
    [InlineData("quiz me on forced labour", Intent.Quiz)]
    [InlineData("progress report", Intent.Progress)]
    [InlineData("campaign report", Intent.CampaignReport)]
    public void A_command_wins_over_concern_words(string text, Intent expected) =>
        Assert.Equal(expected, IntentRecognizer.Recognize(text));

    [Theory]
    [InlineData("sorry", "worry")]
    [InlineData("concert", "concern")]
    [InlineData("worries", "worried")]
    [InlineData("deport", "report")]
    [InlineData("report", "deport")]
    [InlineData("wory", "worry")]
    [InlineData("quit", "quiz")]
    public void Typos_are_only_read_into_long_words_that_are_not_words_already(string typed, string cue) =>
        Assert.False(TypoTolerance.Matches(typed, cue));

    [Theory]
    [InlineData("reprot", "report")]
    [InlineData("traficking", "trafficking")]
    [InlineData("pasports", "passports")]
    [InlineData("concren", "concern")]
    public void Typos_of_long_cue_words_are_read_as_the_word(string typed, string cue) =>
        Assert.True(TypoTolerance.Matches(typed, cue));

    [Fact]
    public void Bare_report_is_still_told_apart()
    {
        Assert.True(IntentRecognizer.IsBareReport("Report!"));
        Assert.False(IntentRecognizer.IsBareReport("how do I report this"));
    }

    /// <summary>
    /// Everyday rows of train.tsv (added in round 3 as hard negatives) that the rules still read as
    /// concerns: measured misses, recorded in docs/understanding.md. The test fails when a new miss
    /// appears and when one of these is fixed (then take it off the list).
    /// </summary>
    private static readonly string[] KnownRuleFalseAlarms =
    [
        "who has the keys to the van",
        "who do I ask about parking permits",
        "what number do I ring for IT support",
        "I have to stay until the cover arrives",
    ];

    [Fact]
    public void Every_message_of_the_tuning_material_is_recognised_but_the_known_false_alarms()
    {
        var tuning = UnderstandingFiles.Train().Concat(UnderstandingFiles.SeenHeldOut()).ToList();

        var wrong = tuning.Where(row => (IntentRecognizer.Recognize(row.Text) == Intent.Report) != row.IsConcern)
            .ToList();

        Assert.True(tuning.Count >= 900, $"{tuning.Count} rows of tuning material");
        Assert.Equal(KnownRuleFalseAlarms, wrong.Select(row => row.IsConcern ? "missed: " + row.Text : row.Text));
    }
}
