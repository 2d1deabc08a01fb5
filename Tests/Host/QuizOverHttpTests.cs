namespace Beacon.Tests.Host;

using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Beacon.Tests.Support;
using Beacon.Training.Content;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

/// <summary>The first quiz loop over real HTTP: activities posted to /api/messages, replies caught by a local connector.</summary>
public sealed class QuizOverHttpTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private RunningBot bot = null!;
    private ConnectorSink sink = null!;

    public async Task InitializeAsync()
    {
        sink = await ConnectorSink.StartAsync();
        bot = await RunningBot.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        await sink.DisposeAsync();
    }

    [Fact]
    public async Task Quiz_posts_a_version_1_5_question_card_with_execute_answers_to_the_conversation()
    {
        var response = await PostAsync(Activity("message", text: "quiz"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (request, card) = await NextQuestionAsync();
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v3/conversations/conv-1/activities", request.Path);
        Assert.Equal("1.5", (string?)card["version"]);
        Assert.True(AnswerActions(card).Count >= 3);
    }

    [Fact]
    public async Task Answer_invoke_returns_the_feedback_card_and_a_replay_stores_nothing_more()
    {
        await PostAsync(Activity("message", text: "quiz"));
        var (_, card) = await NextQuestionAsync();
        var action = AnswerActions(card)[0];
        var question = bot.Services.GetRequiredService<ContentPack>().FindQuestion((string)action["data"]!["questionId"]!)!;

        var invoke = await AnswerAsync(action);
        var replay = await AnswerAsync(action);

        Assert.Equal(200, (int)invoke["statusCode"]!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)invoke["type"]);
        Assert.Equal("AdaptiveCard", (string?)invoke["value"]!["type"]);
        Assert.Contains(Texts(invoke["value"]), t => Flatten(t) == Flatten(question.Explanation));
        Assert.Equal(invoke.ToJsonString(), replay.ToJsonString());
        Assert.Equal(1, CountAnswers());
    }

    [Fact]
    public async Task Unknown_activity_type_gets_200_and_no_reply()
    {
        var response = await PostAsync(Activity("somethingNew"));
        await PostAsync(Activity("message", text: "help"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await sink.NextAsync(Wait);
        Assert.Contains("What Beacon can do", Texts(reply.Body));
        Assert.Single(sink.Requests);
    }

    [Fact]
    public async Task Anything_not_understood_gets_help_never_silence()
    {
        await PostAsync(Activity("message", text: "what's for lunch"));

        var reply = await sink.NextAsync(Wait);
        Assert.Contains(Texts(reply.Body), t => t.Contains("didn't understand", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("{\"text\":\"no type\"}")]
    public async Task Malformed_bodies_get_400(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var client = new HttpClient();
        var response = await client.PostAsync(bot.MessagesEndpoint, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(sink.Requests);
    }

    [Fact]
    public async Task In_a_channel_the_mention_is_stripped_and_the_question_goes_to_a_private_chat()
    {
        var activity = Activity("message", text: "<at>Beacon</at> quiz", conversationType: "channel");
        activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>Beacon</at>",
            ["mentioned"] = new JsonObject { ["id"] = "28:beacon", ["name"] = "Beacon" },
        });

        await PostAsync(activity);

        var created = await sink.NextAsync(Wait);
        Assert.Equal("/v3/conversations", created.Path.TrimEnd('/'));
        var (request, _) = await NextQuestionAsync();
        Assert.StartsWith("/v3/conversations/personal-", request.Path, StringComparison.Ordinal);
    }

    private async Task<(SinkRequest Request, JsonObject Card)> NextQuestionAsync()
    {
        for (var i = 0; i < 6; i++)
        {
            var request = await sink.NextAsync(Wait);
            var card = CardJsonQueries.CardOf(request.Body);
            if (card is not null && AnswerActions(card).Count > 0)
            {
                return (request, card);
            }
        }

        throw new InvalidOperationException("No question card reached the connector.");
    }

    private static List<JsonObject> AnswerActions(JsonNode node) => CardJsonQueries.ExecuteActions(node, "answer");

    private static List<string> Texts(JsonNode? node) => CardJsonQueries.Texts(node);

    private static string Flatten(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private JsonObject Activity(string type, string? text = null, string conversationType = "personal") =>
        new BotConversation(bot, sink) { ConversationType = conversationType }.Activity(type, text);

    private async Task<JsonNode> AnswerAsync(JsonObject action) =>
        await new BotConversation(bot, sink).ExecuteAsync("answer", action["data"]!.DeepClone().AsObject());

    private Task<HttpResponseMessage> PostAsync(JsonObject activity) => new BotConversation(bot, sink).PostAsync(activity);

    private long CountAnswers()
    {
        using var connection = new SqliteConnection($"Data Source={bot.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM answers";
        return (long)command.ExecuteScalar()!;
    }
}
