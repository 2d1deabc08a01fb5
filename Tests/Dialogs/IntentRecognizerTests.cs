namespace Beacon.Tests.Dialogs;

using Beacon.Dialogs.Intents;

public class IntentRecognizerTests
{
    [Theory]
    [InlineData("quiz", Intent.Quiz)]
    [InlineData("Quiz!", Intent.Quiz)]
    [InlineData("start quiz", Intent.Quiz)]
    [InlineData("next question", Intent.Quiz)]
    [InlineData("help", Intent.Help)]
    [InlineData("hlep", Intent.Help)]
    [InlineData("refresher", Intent.Refresher)]
    [InlineData("learn indicators", Intent.Refresher)]
    [InlineData("change my role", Intent.ChooseTrack)]
    [InlineData("thanks", Intent.Thanks)]
    [InlineData("hello", Intent.Greeting)]
    [InlineData("what is the weather", Intent.Unknown)]
    [InlineData("", Intent.Unknown)]
    public void Recognizes_commands(string text, Intent expected) =>
        Assert.Equal(expected, IntentRecognizer.Recognize(text));

    [Theory]
    [InlineData("report")]
    [InlineData("how do I report this")]
    [InlineData("who do I call")]
    [InlineData("I'm worried about a patient")]
    [InlineData("is this trafficking?")]
    [InlineData("I think someone is being forced to work")]
    [InlineData("hotline")]
    [InlineData("reprot")]
    [InlineData("traficking")]
    [InlineData("quiz about trafficking? no, I need to report something")]
    public void A_reporting_need_wins(string text) =>
        Assert.Equal(Intent.Report, IntentRecognizer.Recognize(text));

    [Theory]
    [InlineData("progress report")]
    [InlineData("campaign report")]
    public void Feature_reports_are_not_a_concern(string text) =>
        Assert.NotEqual(Intent.Report, IntentRecognizer.Recognize(text));

    [Fact]
    public void Edit_distance_counts_a_swap_as_one() =>
        Assert.Equal(1, EditDistance.Between("reprot", "report"));
}
