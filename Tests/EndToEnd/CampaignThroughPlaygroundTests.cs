namespace Beacon.Tests.EndToEnd;

using System.Text.Json.Nodes;
using Beacon.Bot.Delivery;
using Beacon.Tests.Cards;
using Beacon.Tests.Support;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

/// <summary>
/// Issue 8's acceptance, with Microsoft's Agents Playground as Teams: a configured manager types a
/// campaign sentence in the team channel, confirms the prefilled form, the team's six members are
/// told personally and get sessions on the scheduled days (a fake clock drives delivery), answer
/// them, and the report card shows their results. The Playground streams only the current user's
/// chats, so what the others were sent is read from the bot's outgoing connector calls
/// (<see cref="OutboundMessages"/>); their answers go through the Playground as them.
/// </summary>
public class CampaignThroughPlaygroundTests
{
    private const string TeamChannel = "team-id";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    /// <summary>Friday 27 November 2026, 10:00 UTC: "starting Monday" is 30 November.</summary>
    private static readonly DateTimeOffset Friday = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_manager_plans_a_campaign_in_a_channel_the_team_answers_its_sessions_and_the_report_shows_their_results()
    {
        var clock = new FakeTimeProvider(Friday);
        var sent = new OutboundMessages();
        await using var bot = await RunningBot.StartAsync(
            new Dictionary<string, string?>
            {
                ["Managers:AadObjectIds:0"] = "00000000-0000-0000-0000-0000000000020",
                ["Delivery:Enabled"] = "false",
                ["RateLimiting:BurstSize"] = "10000",
            },
            services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                sent.AddTo(services);
            });
        await using var playground = await AgentsPlayground.StartAsync(bot.MessagesEndpoint);
        var members = await TeamMembersAsync(playground);
        Assert.Equal(6, members.Count);

        // The manager @mentions Beacon in the team's General channel with a sentence and gets the form, prefilled.
        await playground.SayInAsync(TeamChannel, "new campaign every weekday at 9am for 1 week starting Monday", mentionBot: true);
        var form = await NextAsync(sent, bot, TeamChannel);
        var formCard = PlaygroundCards.CardOf(form.Activity);
        var inputs = PlaygroundCards.Inputs(formCard);
        Assert.Equal("09:00", (string?)inputs["campaignTime"]);
        Assert.Equal("2026-11-30", (string?)inputs["campaignStart"]);
        Assert.Equal("1", inputs["campaignWeeks"]?.ToString());
        Assert.Equal("mon,tue,wed,thu,fri", (string?)inputs["campaignDays"]);
        Assert.Equal("team", (string?)inputs["campaignAudience"]);

        // The manager names it, keeps Monday (pre-assessment) and Friday (post-assessment), and confirms.
        inputs["campaignName"] = "Winter refresher";
        inputs["campaignDays"] = "mon,fri";
        var confirm = PlaygroundCards.Actions(formCard).Single(a => (string?)a["verb"] == "campaign.confirm");
        var confirmed = (await playground.ExecuteAsAsync(playground.UserId, form.ConversationId, form.Id!, confirm, inputs))!.ToJsonString();
        Assert.Contains("Winter refresher is confirmed", confirmed, StringComparison.Ordinal);
        Assert.Contains("telling the 6 people", confirmed, StringComparison.Ordinal);

        // Everyone in the team, the manager too, hears about it in a personal chat: the confirm was
        // answered at once, and delivery's next tick sends the announcements (paced on the bot's clock).
        var ticker = bot.Services.GetRequiredService<DeliveryTicker>();
        var announcing = ticker.TickAsync(CancellationToken.None);
        await FakeClockDriver.RunAsync(clock, announcing, TimeSpan.FromMinutes(10), "announcements did not finish on the fake clock");
        await announcing;
        var chats = new Dictionary<string, string>();
        for (var i = 0; i < members.Count; i++)
        {
            var announcement = await NextAsync(sent, bot, conversationId: null);
            Assert.Contains("Winter refresher", PlaygroundCards.CardOf(announcement.Activity).ToJsonString(), StringComparison.Ordinal);
            chats[announcement.ConversationId] = (string)announcement.Activity["recipient"]!["id"]!;
        }

        Assert.Equal(members.Keys.Order(), chats.Values.Order());

        // Monday and Friday at 09:01 delivery sends each person their session, and they answer every
        // question; Wednesday is not a campaign day, so nothing goes out.
        foreach (var (day, sessions) in new[] { (new DateTime(2026, 11, 30), 6), (new DateTime(2026, 12, 2), 0), (new DateTime(2026, 12, 4), 6) })
        {
            clock.SetUtcNow(new DateTimeOffset(day.AddHours(9).AddMinutes(1), TimeSpan.Zero));
            var tick = ticker.TickAsync(CancellationToken.None);
            // Delivery paces its sends (Teams' rate limits) on the bot's clock.
            await FakeClockDriver.RunAsync(clock, tick, TimeSpan.FromMinutes(10), "delivery did not finish on the fake clock");
            Assert.Equal(sessions, (await tick)!.Sent);
            foreach (var (chat, user) in sessions == 0 ? [] : chats)
            {
                await AnswerSessionAsync(playground, sent, bot, chat, user);
            }
        }

        // The manager asks for the report in the channel; it comes to their personal chat.
        await playground.SayInAsync(TeamChannel, "campaign report", mentionBot: true);
        var managerChat = chats.Single(c => c.Value == playground.UserId).Key;
        var reportCard = PlaygroundCards.CardOf((await NextAsync(sent, bot, managerChat)).Activity);
        Assert.Contains("report.csv", reportCard.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Winter refresher", reportCard.ToJsonString(), StringComparison.Ordinal);
        var texts = string.Join("\n", CardTree.TextBlocks(reportCard).Select(t => (string?)t["text"]));
        Assert.Contains("Audience: 6 people.", texts, StringComparison.Ordinal);
        Assert.Matches(@"Overall, \d+% of first answers to a question were right", texts);
        Assert.Matches(@"The 6 learners who took both assessments scored \d+% before and \d+% after", texts);
        Assert.StartsWith("Week 1 (30 Nov) | all or nearly all | all or nearly all", Row(reportCard, "Week 1"), StringComparison.Ordinal);
        Assert.Contains("I've sent the campaign report", (string?)(await NextAsync(sent, bot, TeamChannel)).Activity["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manager_grants_and_revokes_the_role_of_a_team_member_they_mention()
    {
        const string Megan = "user-id-1";
        const string MeganEntraId = "00000000-0000-0000-0000-0000000000021";
        var sent = new OutboundMessages();
        await using var bot = await RunningBot.StartAsync(
            new Dictionary<string, string?> { ["Managers:AadObjectIds:0"] = "00000000-0000-0000-0000-0000000000020", ["Delivery:Enabled"] = "false" },
            sent.AddTo);
        await using var playground = await AgentsPlayground.StartAsync(bot.MessagesEndpoint);
        var grants = bot.Services.GetRequiredService<Beacon.Training.Ports.IManagerGrantStore>();
        var tenant = playground.TenantId;

        await playground.SayInAsync(TeamChannel, "grant manager <at>Megan Bowen</at>", mentionBot: true, Megan);
        var granted = PlaygroundCards.CardOf((await NextAsync(sent, bot, TeamChannel)).Activity).ToJsonString();

        Assert.Contains("Megan Bowen is now a Beacon manager", granted, StringComparison.Ordinal);
        Assert.True(await grants.IsGrantedAsync(tenant, MeganEntraId, CancellationToken.None));

        await playground.SayInAsync(TeamChannel, "revoke manager <at>Megan Bowen</at>", mentionBot: true, Megan);
        var revoked = PlaygroundCards.CardOf((await NextAsync(sent, bot, TeamChannel)).Activity).ToJsonString();

        Assert.Contains("Megan Bowen is no longer a Beacon manager", revoked, StringComparison.Ordinal);
        Assert.False(await grants.IsGrantedAsync(tenant, MeganEntraId, CancellationToken.None));
    }

    /// <summary>Answers the session in <paramref name="chat"/> as <paramref name="user"/>: the first question comes from delivery, the next ones from "Next question".</summary>
    private static async Task AnswerSessionAsync(AgentsPlayground playground, OutboundMessages sent, RunningBot bot, string chat, string user)
    {
        var question = await NextAsync(sent, bot, chat);
        for (var step = 0; step < 20; step++)
        {
            var answer = PlaygroundCards.Actions(PlaygroundCards.CardOf(question.Activity)).First(a => (string?)a["verb"] == "answer");
            var feedback = await playground.ExecuteAsAsync(user, chat, question.Id!, answer);
            var next = PlaygroundCards.Actions(feedback!).FirstOrDefault(a => (string?)a["verb"] == "quiz" && a["data"]?["promptId"] is not null);
            if (next is null)
            {
                return;
            }

            await playground.ExecuteAsAsync(user, chat, question.Id!, next);
            question = await NextAsync(sent, bot, chat);
        }

        throw new InvalidOperationException("The session did not end within 20 questions.");
    }

    private static async Task<OutboundMessage> NextAsync(OutboundMessages sent, RunningBot bot, string? conversationId)
    {
        try
        {
            return await sent.NextAsync(conversationId, Wait);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException(ex.Message + Environment.NewLine + "Bot log:" + Environment.NewLine + bot.Logs, ex);
        }
    }

    private static async Task<IReadOnlyDictionary<string, string>> TeamMembersAsync(AgentsPlayground playground)
    {
        var page = await playground.Http.GetFromJsonAsync<JsonObject>($"/_connector/v3/conversations/{TeamChannel}/pagedmembers");
        return page!["members"]!.AsArray().OfType<JsonObject>().ToDictionary(m => (string)m["id"]!, m => (string)m["name"]!);
    }

    /// <summary>The texts of the first table row (or fact) whose first cell says <paramref name="label"/>.</summary>
    private static string Row(JsonObject card, string label) =>
        CardTree.OfType(card, "TableRow")
            .Select(r => string.Join(" | ", CardTree.TextBlocks(r).Select(t => (string?)t["text"])))
            .FirstOrDefault(r => r.StartsWith(label, StringComparison.Ordinal)) ?? string.Empty;
}
