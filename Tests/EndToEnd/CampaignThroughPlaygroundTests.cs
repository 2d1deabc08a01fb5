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
/// them, and the report card shows their results.
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
        await using var bot = await RunningBot.StartAsync(
            new Dictionary<string, string?>
            {
                ["Managers:AadObjectIds:0"] = "00000000-0000-0000-0000-0000000000020",
                ["Delivery:Enabled"] = "false",
                ["RateLimiting:BurstSize"] = "10000",
            },
            services => services.AddSingleton<TimeProvider>(clock));
        await using var playground = await AgentsPlayground.StartAsync(bot.MessagesEndpoint);
        var inbox = new Inbox(playground, bot);

        // The manager types a sentence in the team's General channel and gets the form, prefilled.
        await playground.SayInAsync(TeamChannel, "new campaign every weekday at 9am for 1 week starting Monday");
        var form = await inbox.NextAsync(TeamChannel);
        var formCard = CardOf(form);
        var inputs = Inputs(formCard);
        Assert.Equal("09:00", (string?)inputs["campaignTime"]);
        Assert.Equal("2026-11-30", (string?)inputs["campaignStart"]);
        Assert.Equal("1", inputs["campaignWeeks"]?.ToString());
        Assert.Equal("mon,tue,wed,thu,fri", (string?)inputs["campaignDays"]);
        Assert.Equal("team", (string?)inputs["campaignAudience"]);

        // The manager names it, keeps Monday (pre-assessment) and Friday (post-assessment) only, and confirms.
        inputs["campaignName"] = "Winter refresher";
        inputs["campaignDays"] = "mon,fri";
        var confirm = Actions(formCard).Single(a => (string?)a["verb"] == "campaign.confirm");
        var confirmed = await playground.ExecuteAsAsync(playground.UserId, TeamChannel, (string)form["messageId"]!, confirm, inputs);
        Assert.Contains("Winter refresher is confirmed", confirmed!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("told 6 people", confirmed.ToJsonString(), StringComparison.Ordinal);

        // Everyone in the team, the manager too, hears about it in their personal chat.
        var members = await TeamMembersAsync(playground);
        var chats = new Dictionary<string, string>();
        foreach (var _ in members)
        {
            var announcement = await inbox.NextAsync(conversation: null);
            Assert.Contains("Winter refresher", CardOf(announcement).ToJsonString(), StringComparison.Ordinal);
            chats[(string)announcement["conversationId"]!] = string.Empty;
        }

        Assert.Equal(6, chats.Count);

        // Monday 09:00 and Friday 09:00: delivery sends each person their session; they answer every question.
        var ticker = bot.Services.GetRequiredService<DeliveryTicker>();
        foreach (var day in new[] { new DateTimeOffset(2026, 11, 30, 9, 1, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 4, 9, 1, 0, TimeSpan.Zero) })
        {
            clock.SetUtcNow(day);
            var report = await ticker.TickAsync(CancellationToken.None);
            Assert.NotNull(report);
            foreach (var chat in chats.Keys)
            {
                await AnswerSessionAsync(playground, inbox, chat, members);
            }
        }

        // Nothing is sent on the days in between.
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 5, 9, 1, 0, TimeSpan.Zero));
        await ticker.TickAsync(CancellationToken.None);

        // The manager asks for the report in the channel; it comes to their personal chat.
        await playground.SayInAsync(TeamChannel, "campaign report");
        var reportCard = CardOf(await inbox.NextWithCardAsync("Winter refresher"));
        var json = reportCard.ToJsonString();
        Assert.Contains("report.csv", json, StringComparison.Ordinal);
        Assert.Contains("6", Fact(reportCard, "People"), StringComparison.Ordinal);
        Assert.DoesNotContain("fewer than 5 learners", Row(reportCard, "All topics"), StringComparison.Ordinal);
        Assert.Matches(@"\d+%", Row(reportCard, "All topics"));
    }

    /// <summary>Answers the session's questions in <paramref name="chat"/>: the first comes from delivery, the next ones from "Next question".</summary>
    private static async Task AnswerSessionAsync(AgentsPlayground playground, Inbox inbox, string chat, IReadOnlyDictionary<string, string> members)
    {
        var question = await inbox.NextAsync(chat);
        for (var step = 0; step < 20; step++)
        {
            var answer = Actions(CardOf(question)).First(a => (string?)a["verb"] == "answer");
            var user = (string)question["recipient"]?["id"]! ?? members.Keys.First();
            var feedback = await playground.ExecuteAsAsync(user, chat, (string)question["messageId"]!, answer);
            var next = Actions(feedback!).FirstOrDefault(a => (string?)a["verb"] == "quiz" && a["data"]?["promptId"] is not null);
            if (next is null)
            {
                return;
            }

            await playground.ExecuteAsAsync(user, chat, (string)question["messageId"]!, next);
            question = await inbox.NextAsync(chat);
        }

        throw new InvalidOperationException("The session did not end within 20 questions.");
    }

    private static async Task<IReadOnlyDictionary<string, string>> TeamMembersAsync(AgentsPlayground playground)
    {
        var page = await playground.Http.GetFromJsonAsync<JsonObject>($"/_connector/v3/conversations/{TeamChannel}/pagedmembers");
        return page!["members"]!.AsArray().OfType<JsonObject>().ToDictionary(m => (string)m["id"]!, m => (string)m["name"]!);
    }

    private static string Fact(JsonObject card, string title) =>
        CardTree.Objects(card).Where(o => (string?)o["title"] == title).Select(o => (string?)o["value"]).FirstOrDefault() ?? string.Empty;

    /// <summary>The texts of the first table row (or fact) whose first cell says <paramref name="label"/>.</summary>
    private static string Row(JsonObject card, string label) =>
        CardTree.OfType(card, "TableRow")
            .Select(r => string.Join(" | ", CardTree.TextBlocks(r).Select(t => (string?)t["text"])))
            .FirstOrDefault(r => r.StartsWith(label, StringComparison.Ordinal)) ?? string.Empty;

    private static JsonObject Inputs(JsonObject card)
    {
        var inputs = new JsonObject();
        foreach (var input in CardTree.Inputs(card).Where(i => i["id"] is not null))
        {
            inputs[(string)input["id"]!] = input["value"]?.DeepClone();
        }

        return inputs;
    }

    private static JsonObject CardOf(JsonNode message)
    {
        var attachment = message["attachments"]?.AsArray().OfType<JsonObject>()
            .FirstOrDefault(a => (string?)a["contentType"] == "application/vnd.microsoft.card.adaptive");
        var content = attachment?["content"] ?? message["value"];
        Assert.NotNull(content);
        return content is JsonValue value ? JsonNode.Parse((string)value!)!.AsObject() : content.AsObject();
    }

    private static IEnumerable<JsonObject> Actions(JsonNode node) =>
        CardTree.Objects(node).Where(o => ((string?)o["type"])?.StartsWith("Action.", StringComparison.Ordinal) == true);

    /// <summary>Messages from the bot, sorted by conversation: waiting for one chat keeps the others' messages for later.</summary>
    private sealed class Inbox(AgentsPlayground playground, RunningBot bot)
    {
        private readonly List<JsonObject> held = [];

        public async Task<JsonObject> NextAsync(string? conversation)
        {
            var index = held.FindIndex(m => conversation is null || (string?)m["conversationId"] == conversation);
            if (index >= 0)
            {
                var found = held[index];
                held.RemoveAt(index);
                return found;
            }

            while (true)
            {
                var message = await Next();
                if (conversation is null || (string?)message["conversationId"] == conversation)
                {
                    return message;
                }

                held.Add(message);
            }
        }

        public async Task<JsonObject> NextWithCardAsync(string text)
        {
            while (true)
            {
                var message = await Next();
                if (message["attachments"] is JsonArray { Count: > 0 } && message.ToJsonString().Contains(text, StringComparison.Ordinal))
                {
                    return message;
                }
            }
        }

        private async Task<JsonObject> Next()
        {
            try
            {
                return await playground.NextBotMessageAsync(Wait);
            }
            catch (TimeoutException ex)
            {
                throw new TimeoutException(ex.Message + Environment.NewLine + "Held: " + string.Join(Environment.NewLine, held.Select(h => h.ToJsonString()[..Math.Min(400, h.ToJsonString().Length)]))
                    + Environment.NewLine + "Bot log:" + Environment.NewLine + bot.Logs, ex);
            }
        }
    }
}
