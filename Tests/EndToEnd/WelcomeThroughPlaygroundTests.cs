namespace Beacon.Tests.EndToEnd;

using System.Text.Json.Nodes;
using Beacon.Cards;
using Beacon.Cards.Builders;
using Beacon.Tests.Cards;
using Beacon.Tests.Support;
using static Beacon.Tests.EndToEnd.PlaygroundCards;

/// <summary>
/// Issue 20's welcome and forget-me follow-up, with Microsoft's Agents Playground as the Teams client:
/// "Get started" saves the role and the daily quiz, either button alone keeps the other's control, and
/// after "forget me" nothing a person types makes "my data" show a profile again.
/// </summary>
public sealed class WelcomeThroughPlaygroundTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Get_started_saves_the_role_and_the_daily_quiz_and_my_data_shows_both()
    {
        await using var bot = await RunningBot.StartAsync();
        await using var playground = await AgentsPlayground.StartAsync(bot.MessagesEndpoint);
        var (welcome, card) = await InstallAsync(playground);
        Assert.Contains(Actions(card), a => (string?)a["title"] == WelcomeCard.GetStartedTitle);

        var started = await PressAsync(playground, welcome, card, WelcomeCard.GetStartedTitle, "healthcare");

        Assert.Contains("Saved: your role is Healthcare, and a two-minute quiz comes every weekday at 09:00.", Texts(started));
        Assert.DoesNotContain(Actions(started), a => (string?)a["title"] == WelcomeCard.GetStartedTitle);
        var facts = await MyDataFactsAsync(playground);
        Assert.Equal("Healthcare", facts["Role track"]);
        Assert.Equal("on, every weekday at 09:00", facts["Daily quiz"]);
    }

    [Fact]
    public async Task Role_then_daily_quiz_on_the_welcome_card_keeps_each_control_until_it_is_used()
    {
        await using var bot = await RunningBot.StartAsync();
        await using var playground = await AgentsPlayground.StartAsync(bot.MessagesEndpoint);
        var (welcome, card) = await InstallAsync(playground);

        var roleSaved = await PressAsync(playground, welcome, card, WelcomeCard.SaveRoleTitle, "education");

        Assert.Contains("Saved: your role is Education.", Texts(roleSaved));
        Assert.Contains(Actions(roleSaved), a => (string?)a["verb"] == WelcomeVerbs.DailyQuiz);
        Assert.Equal("education", (string?)CardTree.Inputs(roleSaved).Single(i => (string?)i["id"] == CardData.Track)["value"]);

        var both = await PressAsync(playground, welcome, roleSaved, WelcomeCard.DailyQuizTitle, choose: null);

        Assert.Contains(Texts(both), t => t.StartsWith("You're all set", StringComparison.Ordinal));
        var facts = await MyDataFactsAsync(playground);
        Assert.Equal("Education", facts["Role track"]);
        Assert.Equal("on, every weekday at 09:00", facts["Daily quiz"]);
    }

    [Fact]
    public async Task A_role_chosen_before_the_daily_quiz_button_is_saved_and_the_role_picker_stays()
    {
        await using var bot = await RunningBot.StartAsync();
        await using var playground = await AgentsPlayground.StartAsync(bot.MessagesEndpoint);
        var (welcome, card) = await InstallAsync(playground);

        var daily = await PressAsync(playground, welcome, card, WelcomeCard.DailyQuizTitle, "healthcare");

        Assert.Contains("Saved: your role is Healthcare, and a two-minute quiz comes every weekday at 09:00.", Texts(daily));
        Assert.Single(CardTree.Inputs(daily), i => (string?)i["id"] == CardData.Track);
        Assert.Contains(Actions(daily), a => (string?)a["verb"] == WelcomeVerbs.SaveRole);
        Assert.Equal("Healthcare", (await MyDataFactsAsync(playground))["Role track"]);
    }

    [Fact]
    public async Task After_forget_me_my_data_says_beacon_holds_nothing_even_after_a_message_it_did_not_understand()
    {
        await using var bot = await RunningBot.StartAsync();
        await using var playground = await AgentsPlayground.StartAsync(bot.MessagesEndpoint);
        var (welcome, card) = await InstallAsync(playground);
        await PressAsync(playground, welcome, card, WelcomeCard.GetStartedTitle, "healthcare");

        await playground.SayAsync("forget me");
        var confirm = await playground.NextBotMessageAsync(Wait);
        var erase = Actions(CardOf(confirm)).Single(a => (string?)a["verb"] == ForgetMeCard.ConfirmVerb);
        var erased = await playground.ExecuteAsync((string)confirm["messageId"]!, erase);
        Assert.Contains("Your data is erased", erased!.ToJsonString(), StringComparison.Ordinal);

        await playground.SayAsync("what was that about");
        await playground.NextBotMessageAsync(Wait);
        await playground.SayAsync("my data");
        var myData = CardOf(await playground.NextBotMessageAsync(Wait));

        Assert.Contains("Nothing. Beacon holds no profile and no training records for you.", Texts(myData));
        Assert.DoesNotContain(CardTree.Objects(myData), o => (string?)o["type"] == "FactSet");
    }

    private static async Task<(JsonObject Message, JsonObject Card)> InstallAsync(AgentsPlayground playground)
    {
        await playground.InstallAsync();
        var welcome = await playground.NextBotMessageAsync(Wait);
        return (welcome, CardOf(welcome));
    }

    /// <summary>Presses a welcome button with the role picker set to <paramref name="choose"/> (or left as it is); returns the card that replaces it.</summary>
    private static async Task<JsonObject> PressAsync(AgentsPlayground playground, JsonObject message, JsonObject card, string title, string? choose)
    {
        var inputs = Inputs(card);
        if (choose is not null)
        {
            inputs[CardData.Track] = choose;
        }

        var action = Actions(card).Single(a => (string?)a["title"] == title);
        var response = await playground.ExecuteAsAsync(playground.UserId, playground.PersonalChatId, (string)message["messageId"]!, action, inputs);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)response?["type"]);
        return response!["value"]!.AsObject();
    }

    private static async Task<Dictionary<string, string>> MyDataFactsAsync(AgentsPlayground playground)
    {
        await playground.SayAsync("my data");
        var card = CardOf(await playground.NextBotMessageAsync(Wait));
        return CardTree.Objects(card)
            .Where(o => (string?)o["type"] == "FactSet")
            .SelectMany(set => set["facts"]!.AsArray().OfType<JsonObject>())
            .ToDictionary(f => (string)f["title"]!, f => (string)f["value"]!, StringComparer.Ordinal);
    }

    private static List<string> Texts(JsonObject card) =>
        [.. CardTree.Objects(card).Where(o => (string?)o["type"] == "TextBlock").Select(o => (string)o["text"]!)];
}
