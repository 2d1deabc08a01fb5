namespace Beacon.Tests.EndToEnd;

using System.Text.Json.Nodes;
using Beacon.Tests.Cards;
using Beacon.Tests.Support;

/// <summary>
/// With Microsoft's Agents Playground as Teams: a configured manager types
/// <c>set safeguarding contact</c> in the personal chat, gets the form prefilled from Beacon's
/// configuration, saves a new route, and the next person who asks how to report sees it.
/// </summary>
public class SafeguardingThroughPlaygroundTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_manager_sets_the_safeguarding_contact_in_chat_and_guidance_shows_it_at_once()
    {
        var sent = new OutboundMessages();
        await using var bot = await RunningBot.StartAsync(
            new Dictionary<string, string?>
            {
                ["Managers:AadObjectIds:0"] = "00000000-0000-0000-0000-0000000000020",
                ["Delivery:Enabled"] = "false",
                ["Safeguarding:Default:Name"] = "Dana Shah, configured lead",
                ["Safeguarding:Default:HowToReach"] = "extension 4410",
            },
            sent.AddTo);
        await using var playground = await AgentsPlayground.StartAsync(bot.MessagesEndpoint);

        await playground.SayAsync("set safeguarding contact");
        var form = await sent.NextAsync(playground.PersonalChatId, Wait);
        var card = PlaygroundCards.CardOf(form.Activity);
        var inputs = PlaygroundCards.Inputs(card);
        Assert.Equal("Dana Shah, configured lead", (string?)inputs["safeguardingName"]);
        Assert.Contains("from Beacon's configuration", Texts(card), StringComparison.Ordinal);

        inputs["safeguardingName"] = "Safeguarding team (Sam Patel)";
        inputs["safeguardingReach"] = "safeguarding@example.org or extension 5500";
        inputs["safeguardingProcedure"] = "https://intranet.example.org/safeguarding";
        inputs["safeguardingPeople"] = "11111111-1111-1111-1111-111111111111";
        inputs["safeguardingRegion"] = "UK";
        var save = PlaygroundCards.Actions(card).Single(a => (string?)a["verb"] == "safeguarding.save");
        var saved = (await playground.ExecuteAsAsync(playground.UserId, playground.PersonalChatId, form.Id!, save, inputs))!.ToJsonString();
        Assert.Contains("Safeguarding contact saved", saved, StringComparison.Ordinal);
        var preview = Texts(PlaygroundCards.CardOf((await sent.NextAsync(playground.PersonalChatId, Wait)).Activity));
        Assert.Contains("Safeguarding team (Sam Patel)", preview, StringComparison.Ordinal);

        await playground.SayAsync("who do I call?");
        var guidance = PlaygroundCards.CardOf((await sent.NextAsync(playground.PersonalChatId, Wait)).Activity);
        var text = Texts(guidance);
        Assert.Contains("immediate danger", text, StringComparison.Ordinal);
        Assert.Contains("Safeguarding team (Sam Patel)", text, StringComparison.Ordinal);
        Assert.Contains("safeguarding@example.org or extension 5500", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Dana Shah", text, StringComparison.Ordinal);
        Assert.Contains(PlaygroundCards.Actions(guidance), a => ((string?)a["title"])?.Contains("safeguarding lead", StringComparison.Ordinal) == true);
    }

    private static string Texts(JsonObject card) => string.Join('\n', CardTree.TextBlocks(card).Select(t => (string?)t["text"]));
}
