namespace Beacon.Tests.EndToEnd;

using System.Text.Json.Nodes;
using Beacon.Tests.Support;

/// <summary>The whole first loop, with Microsoft's Agents Playground as the Teams client.</summary>
public class QuizThroughPlaygroundTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Install_welcome_quiz_answer_feedback()
    {
        await using var bot = await RunningBot.StartAsync();
        await using var playground = await AgentsPlayground.StartAsync(bot.MessagesEndpoint);

        await playground.InstallAsync();
        var welcome = await WithBotLogs(bot, playground.NextBotMessageAsync(Wait));
        var welcomeCard = CardOf(welcome);
        Assert.Contains("Welcome to Beacon", welcomeCard.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(Actions(welcomeCard), a => (string?)a["verb"] == "quiz");
        Assert.Contains(Actions(welcomeCard), a => (string?)a["verb"] == "report");

        await playground.SayAsync("quiz");
        var question = await NextQuestionAsync(playground);
        var answers = Actions(CardOf(question)).Where(a => (string?)a["verb"] == "answer").ToList();
        Assert.True(answers.Count >= 3, $"expected at least three answers, got {answers.Count}");

        var response = await playground.ExecuteAsync((string)question["messageId"]!, answers[0]);

        var json = response?.ToJsonString() ?? string.Empty;
        Assert.Contains("application/vnd.microsoft.card.adaptive", json, StringComparison.Ordinal);
        Assert.Contains("Why", json, StringComparison.Ordinal);
        Assert.Contains("What to do", json, StringComparison.Ordinal);
        Assert.Matches("Correct|Not quite", json);
    }

    private static async Task<T> WithBotLogs<T>(RunningBot bot, Task<T> step)
    {
        try
        {
            return await step;
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException(ex.Message + Environment.NewLine + "Bot log:" + Environment.NewLine + bot.Logs, ex);
        }
    }

    /// <summary>A first quiz may open with the topic's refresher card: skip to the question.</summary>
    private static async Task<JsonObject> NextQuestionAsync(AgentsPlayground playground)
    {
        for (var i = 0; i < 3; i++)
        {
            var message = await playground.NextBotMessageAsync(Wait);
            if (Actions(CardOf(message)).Any(a => (string?)a["verb"] == "answer"))
            {
                return message;
            }
        }

        throw new InvalidOperationException("The bot sent no question card.");
    }

    private static JsonObject CardOf(JsonObject message)
    {
        var attachment = message["attachments"]?.AsArray().OfType<JsonObject>()
            .FirstOrDefault(a => (string?)a["contentType"] == "application/vnd.microsoft.card.adaptive");
        Assert.NotNull(attachment);
        var content = attachment["content"];
        return content is JsonValue value ? JsonNode.Parse((string)value!)!.AsObject() : content!.AsObject();
    }

    private static IEnumerable<JsonObject> Actions(JsonNode node) => node switch
    {
        JsonObject obj when ((string?)obj["type"])?.StartsWith("Action.", StringComparison.Ordinal) == true =>
            [obj, .. obj.SelectMany(p => p.Value is null ? [] : Actions(p.Value))],
        JsonObject obj => obj.SelectMany(p => p.Value is null ? [] : Actions(p.Value)),
        JsonArray array => array.OfType<JsonNode>().SelectMany(Actions),
        _ => [],
    };
}
