namespace Beacon.Tests.Dialogs;

using Beacon.Dialogs.Intents;

public sealed class SmallTalkTests : IDisposable
{
    private readonly ChatHarness chat = new(new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("hi", SmallTalkKind.Greeting)]
    [InlineData("Hello!", SmallTalkKind.Greeting)]
    [InlineData("good morning", SmallTalkKind.Greeting)]
    [InlineData("Good morning Beacon", SmallTalkKind.Greeting)]
    [InlineData("hey there", SmallTalkKind.Greeting)]
    [InlineData("thanks", SmallTalkKind.Thanks)]
    [InlineData("thank you so much!", SmallTalkKind.Thanks)]
    [InlineData("cheers", SmallTalkKind.Thanks)]
    [InlineData("sorry", SmallTalkKind.Apology)]
    [InlineData("sorry I'm late", SmallTalkKind.Apology)]
    [InlineData("Sorry, my bad", SmallTalkKind.Apology)]
    [InlineData("no worries", SmallTalkKind.NoWorries)]
    [InlineData("No worries!", SmallTalkKind.NoWorries)]
    [InlineData("👍", SmallTalkKind.Approval)]
    [InlineData("🙂", SmallTalkKind.Approval)]
    [InlineData("👍🏽 🙂", SmallTalkKind.Approval)]
    [InlineData("yes", SmallTalkKind.Yes)]
    [InlineData("Yep", SmallTalkKind.Yes)]
    [InlineData("ok", SmallTalkKind.Yes)]
    [InlineData("no", SmallTalkKind.No)]
    [InlineData("no thanks", SmallTalkKind.No)]
    [InlineData("nope", SmallTalkKind.No)]
    [InlineData("maybe", SmallTalkKind.Unsure)]
    [InlineData("I think so", SmallTalkKind.Unsure)]
    [InlineData("not sure", SmallTalkKind.Unsure)]
    public void Recognizes_whole_messages_of_small_talk(string text, SmallTalkKind expected) =>
        Assert.Equal(expected, SmallTalk.Recognize(text));

    [Theory]
    [InlineData("hi, quiz me")]
    [InlineData("that was a great concert")]
    [InlineData("I can't talk now")]
    [InlineData("thanks, can you send me a refresher on the law")]
    [InlineData("stop")]
    [InlineData("?")]
    [InlineData("")]
    [InlineData("what is the weather")]
    public void Anything_more_than_small_talk_is_not(string text) => Assert.Null(SmallTalk.Recognize(text));

    [Fact]
    public void Every_reply_is_short_and_offers_a_next_step_and_only_thanks_gets_you_are_welcome()
    {
        foreach (var kind in Enum.GetValues<SmallTalkKind>())
        {
            var reply = SmallTalk.Reply(kind, "Ann Example");
            Assert.True(reply.Length < 160, reply);
            Assert.Matches(@"\*\*(quiz|help)\*\*", reply);
            Assert.Equal(kind == SmallTalkKind.Thanks, reply.Contains("welcome", StringComparison.OrdinalIgnoreCase));
        }
    }

    [Theory]
    [InlineData("hi", "Hello Ann!")]
    [InlineData("good morning", "Hello Ann!")]
    [InlineData("I think so", "That's fine")]
    [InlineData("👍", "👍")]
    [InlineData("yes", "Great")]
    public async Task Small_talk_gets_a_short_text_reply_and_no_card(string text, string opening)
    {
        var sent = Assert.Single(await chat.SayAsync(text));

        Assert.Null(sent.Card);
        Assert.StartsWith(opening, sent.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("You're welcome", sent.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_text_still_gets_help()
    {
        var sent = Assert.Single(await chat.SayAsync("what's for lunch in the canteen"));

        Assert.Contains("didn't understand", ChatHarness.Text(sent.Card!), StringComparison.Ordinal);
    }

    public void Dispose() => chat.Dispose();
}
