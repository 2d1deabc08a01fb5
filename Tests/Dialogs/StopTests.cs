namespace Beacon.Tests.Dialogs;

using Beacon.Cards;
using Beacon.Dialogs.Intents;
using Beacon.Dialogs.Turns;
using Beacon.Training.Ports;

/// <summary>"stop" and its wordings: an offer to pause or turn off, one tap each, undone with one tap; never a quiz.</summary>
public sealed class StopTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;

    // Friday 4 December 2026, 10:00 in London.
    private readonly ChatHarness chat = new(new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("stop")]
    [InlineData("STOP!")]
    [InlineData("unsubscribe")]
    [InlineData("turn off")]
    [InlineData("quit")]
    [InlineData("stop sending me quizzes")]
    [InlineData("no more quizzes")]
    [InlineData("please stop the daily quiz")]
    [InlineData("I don't want these messages")]
    [InlineData("opt out")]
    public void Recognizes_requests_to_stop(string text) => Assert.True(StopCommands.IsStop(text));

    [Theory]
    [InlineData("stop campaign")]
    [InlineData("she can't stop working")]
    [InlineData("quiz")]
    [InlineData("no")]
    [InlineData("turn off the lights in room 4")]
    [InlineData("")]
    public void Other_messages_with_stop_words_are_not(string text) => Assert.False(StopCommands.IsStop(text));

    [Theory]
    [InlineData("stop")]
    [InlineData("unsubscribe")]
    [InlineData("turn off")]
    [InlineData("quit")]
    [InlineData("stop sending me quizzes")]
    [InlineData("no more quizzes")]
    public async Task Each_wording_offers_pause_and_turn_off_and_sends_no_quiz(string text)
    {
        var card = Assert.Single(await chat.SayAsync(text)).Card!;

        var buttons = ChatHarness.Buttons(card).Select(b => b.Verb).ToList();
        Assert.Contains(ScheduleVerbs.PauseFor, buttons);
        Assert.Contains(ScheduleVerbs.TurnOff, buttons);
        Assert.DoesNotContain(Verbs.Answer, buttons);
        Assert.Contains("Pause or turn off", ChatHarness.Text(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Turn_off_is_one_tap_and_turn_back_on_undoes_it()
    {
        await chat.TapAsync(ScheduleVerbs.StartDaily);
        var offer = Assert.Single(await chat.SayAsync("stop")).Card!;
        Assert.Contains("Your daily quiz is on.", ChatHarness.Text(offer), StringComparison.Ordinal);

        var off = Assert.IsType<CardInvokeResult>(await chat.TapAsync(offer, "Turn off the daily quiz")).Card;

        Assert.False((await chat.Get<IScheduleStore>().GetAsync(ChatHarness.Ann, None))!.Enabled);
        Assert.Contains("your daily quiz is off", ChatHarness.Text(off), StringComparison.Ordinal);
        var on = Assert.IsType<CardInvokeResult>(await chat.TapAsync(off, "Turn back on")).Card;
        Assert.True((await chat.Get<IScheduleStore>().GetAsync(ChatHarness.Ann, None))!.Enabled);
        Assert.Contains("every weekday at 09:00", ChatHarness.Text(on), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pause_is_one_tap_for_two_weeks_and_resume_now_undoes_it()
    {
        await chat.TapAsync(ScheduleVerbs.StartDaily);
        var offer = Assert.Single(await chat.SayAsync("unsubscribe")).Card!;

        var paused = Assert.IsType<CardInvokeResult>(await chat.TapAsync(offer, "Pause for 2 weeks")).Card;

        var schedule = await chat.Get<IScheduleStore>().GetAsync(ChatHarness.Ann, None);
        Assert.Equal(new DateTimeOffset(2026, 12, 18, 0, 0, 0, TimeSpan.Zero), schedule!.PausedUntil);
        Assert.Contains("Friday 18 December", ChatHarness.Text(paused), StringComparison.Ordinal);
        Assert.Contains("Your quizzes are paused until Friday 18 December.", ChatHarness.Text(Assert.Single(await chat.SayAsync("stop")).Card!), StringComparison.Ordinal);

        await chat.TapAsync(paused, "Resume now");
        Assert.Null((await chat.Get<IScheduleStore>().GetAsync(ChatHarness.Ann, None))!.PausedUntil);
    }

    [Fact]
    public async Task A_tampered_pause_length_changes_nothing()
    {
        var result = Assert.IsType<CardInvokeResult>(await chat.TapAsync(ScheduleVerbs.PauseFor, new Dictionary<string, string> { [ScheduleVerbs.PauseDays] = "99999" }));

        Assert.Contains("out of date", ChatHarness.Text(result.Card), StringComparison.Ordinal);
        Assert.Null((await chat.Get<IScheduleStore>().GetAsync(ChatHarness.Ann, None))?.PausedUntil);
    }

    public void Dispose() => chat.Dispose();
}
