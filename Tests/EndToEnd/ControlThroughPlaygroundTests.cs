namespace Beacon.Tests.EndToEnd;

using System.Text.Json.Nodes;
using Beacon.Tests.Cards;
using Beacon.Tests.Support;
using Beacon.Training.Learners;
using Beacon.Training.Ports;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// With Microsoft's Agents Playground as Teams: "stop" offers to pause or turn off, and the tap
/// pauses or turns off the daily quiz in the store; "learn signs to notice" sends that topic's refresher.
/// </summary>
public class ControlThroughPlaygroundTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Stop_offers_pause_or_turn_off_and_each_tap_does_it()
    {
        var sent = new OutboundMessages();
        await using var bot = await RunningBot.StartAsync(new Dictionary<string, string?> { ["Delivery:Enabled"] = "false" }, sent.AddTo);
        await using var playground = await AgentsPlayground.StartAsync(bot.MessagesEndpoint);
        var learner = new LearnerKey(playground.TenantId, (string?)playground.Config["currentUser"]!["aadObjectId"] ?? playground.UserId);
        var schedules = bot.Services.GetRequiredService<IScheduleStore>();

        // The daily quiz on, from the settings card.
        await playground.SayAsync("settings");
        var settings = await sent.NextAsync(playground.PersonalChatId, Wait);
        await TapAsync(playground, settings, "schedule.start");
        Assert.True((await schedules.GetAsync(learner, default))!.Enabled);

        await playground.SayAsync("stop");
        var offer = await sent.NextAsync(playground.PersonalChatId, Wait);
        var offerCard = PlaygroundCards.CardOf(offer.Activity);
        Assert.Contains("Pause or turn off", Texts(offerCard), StringComparison.Ordinal);
        Assert.DoesNotContain(PlaygroundCards.Actions(offerCard), a => (string?)a["verb"] == "answer");
        var paused = await TapAsync(playground, offer, "schedule.pauseFor");
        Assert.Contains("Paused. Your quiz comes back on", paused, StringComparison.Ordinal);
        Assert.True((await schedules.GetAsync(learner, default))!.PausedUntil > DateTimeOffset.UtcNow.AddDays(13));

        await playground.SayAsync("unsubscribe");
        var second = await sent.NextAsync(playground.PersonalChatId, Wait);
        var off = await TapAsync(playground, second, "schedule.off");
        Assert.Contains("your daily quiz is off", off, StringComparison.Ordinal);
        Assert.Contains("Turn back on", off, StringComparison.Ordinal);
        Assert.False((await schedules.GetAsync(learner, default))!.Enabled);
    }

    [Fact]
    public async Task Learn_signs_to_notice_sends_that_topics_refresher()
    {
        var sent = new OutboundMessages();
        await using var bot = await RunningBot.StartAsync(new Dictionary<string, string?> { ["Delivery:Enabled"] = "false" }, sent.AddTo);
        await using var playground = await AgentsPlayground.StartAsync(bot.MessagesEndpoint);

        await playground.SayAsync("learn signs to notice");

        var refresher = PlaygroundCards.CardOf((await sent.NextAsync(playground.PersonalChatId, Wait)).Activity);
        Assert.Contains("Refresher · Signs to notice", Texts(refresher), StringComparison.Ordinal);
    }

    /// <summary>Taps the button with <paramref name="verb"/> on the card of <paramref name="message"/>; the card that replaces it, as JSON text.</summary>
    private static async Task<string> TapAsync(AgentsPlayground playground, OutboundMessage message, string verb)
    {
        var action = PlaygroundCards.Actions(PlaygroundCards.CardOf(message.Activity)).First(a => (string?)a["verb"] == verb);
        var response = await playground.ExecuteAsync(message.Id!, action);
        return System.Text.RegularExpressions.Regex.Unescape(response?.ToJsonString() ?? string.Empty);
    }

    private static string Texts(JsonObject card) => string.Join('\n', CardTree.TextBlocks(card).Select(t => (string?)t["text"]));
}
