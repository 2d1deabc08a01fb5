namespace Beacon.Tests.Understanding;

using Beacon.Bot.Understanding;
using Beacon.Dialogs.Intents;
using Microsoft.Extensions.Logging.Abstractions;

/// <summary>
/// The rules and the real sentence model together, as the bot runs them (one model per process,
/// shared by every test here and by every composed host).
/// </summary>
public class SentenceUnderstandingTests
{
    private static MessageUnderstanding Shipped => ShippedUnderstanding.For(NullLoggerFactory.Instance);

    [Theory]
    [InlineData("the girls at the massage place down my road never go outside and the windows are blacked out")]
    [InlineData("a boy of about twelve is out selling flowers at every table until midnight and an adult collects the cash")]
    public void A_description_without_a_concern_keyword_reads_as_a_concern(string text) =>
        Assert.Equal(Intent.Report, Shipped.Recognize(text));

    [Theory]
    [InlineData("learn debt bondage", Intent.Refresher)]
    [InlineData("quiz me on forced labour", Intent.Quiz)]
    [InlineData("stop", Intent.Unknown)]
    [InlineData("sorry I'm late", Intent.Unknown)]
    [InlineData("stuck in traffic again, sorry", Intent.Unknown)]
    [InlineData("forced to reboot again, ugh", Intent.Unknown)]
    [InlineData("report card evening with parents tonight", Intent.Unknown)]
    [InlineData("what's the law on modern slavery", Intent.Unknown)]
    [InlineData("we should exploit the new dashboard feature more", Intent.Unknown)]
    public void Commands_and_everyday_idioms_win_over_the_model(string text, Intent expected) =>
        Assert.Equal(expected, Shipped.Recognize(text));

    [Fact]
    public void Every_host_in_the_process_shares_one_model_and_one_set_of_example_vectors() =>
        Assert.Same(ShippedUnderstanding.For(NullLoggerFactory.Instance), ShippedUnderstanding.For(new NullLoggerFactory()));

    [Fact]
    public void The_shipped_model_loads() => Assert.True(Shipped.Warm());
}
