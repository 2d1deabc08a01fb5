namespace Beacon.Tests.Storage;

using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Beacon.Bot.Protocol;
using Beacon.Tests.Protocol;
using Beacon.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Talks to the real bot (<see cref="RunningBot"/>) as Teams would: posts message and
/// <c>adaptiveCard/action</c> activities to /api/messages, and keeps everything the bot sends to
/// the Bot Connector in a local sink (<see cref="ConnectorRecorder"/>) instead of the network.
/// The bot runs in development mode (no app id): loopback callers and service URLs are allowed.
/// </summary>
internal sealed class BotDriver : IAsyncDisposable
{
    public const string TenantId = "tenant-1";
    private const string ServiceUrl = "http://127.0.0.1:9/connector/";

    private readonly HttpClient http;
    private int nextActivity;

    private BotDriver(RunningBot bot, ConnectorRecorder sink)
    {
        Bot = bot;
        Sink = sink;
        http = new HttpClient { BaseAddress = bot.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public RunningBot Bot { get; }

    public ConnectorRecorder Sink { get; }

    /// <summary>
    /// Starts the bot. Settings go in as configuration and also on the command line as
    /// <c>--Key=value</c>, so the composition root sees them even while it registers services.
    /// </summary>
    public static async Task<BotDriver> StartAsync(IDictionary<string, string?> settings)
    {
        var sink = new ConnectorRecorder();
        var bot = await RunningBot.StartAsync(
            settings,
            services => services
                .AddHttpClient(ConnectorClient.HttpClientName)
                .ConfigurePrimaryHttpMessageHandler(sink.CreateHandler),
            settings.Where(s => s.Value is not null).Select(s => $"--{s.Key}={s.Value}"));
        return new BotDriver(bot, sink);
    }

    /// <summary>The stable id the bot keys a test user by (their AAD object id).</summary>
    public static string LearnerId(string user) => "aad-" + user;

    public Task<HttpResponseMessage> SendMessageAsync(string user, string text, CancellationToken cancellationToken = default)
    {
        var activity = Activity(user, "message");
        activity["text"] = text;
        return PostAsync(activity, cancellationToken);
    }

    public Task<HttpResponseMessage> SendAnswerAsync(string user, string promptId, string questionId, string optionId, CancellationToken cancellationToken = default)
    {
        var activity = Activity(user, "invoke");
        activity["name"] = "adaptiveCard/action";
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute",
                ["verb"] = "answer",
                ["data"] = new JsonObject { ["promptId"] = promptId, ["questionId"] = questionId, ["optionId"] = optionId },
            },
            ["trigger"] = "manual",
        };
        return PostAsync(activity, cancellationToken);
    }

    /// <summary>The invoke response body, or null when the HTTP call itself failed.</summary>
    public static async Task<JsonObject?> InvokeBodyAsync(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return null;
        }

        return JsonNode.Parse(await response.Content.ReadAsStringAsync())?.AsObject();
    }

    /// <summary>An answer the bot acknowledged: HTTP 200 with a card (the feedback), not the error body.</summary>
    public static bool IsCardAnswer(JsonObject? body) =>
        body is not null && (int?)body["statusCode"] == 200 && (string?)body["type"] == InvokeResponses.CardType;

    /// <summary>The question cards sent to the connector so far: (promptId, questionId, optionIds).</summary>
    public IReadOnlyList<SentQuestion> SentQuestions() =>
        Sink.Requests
            .Where(r => r.Body is not null)
            .SelectMany(r => Actions(JsonNode.Parse(r.Body!)!))
            .Where(a => (string?)a["verb"] == "answer" && a["data"] is JsonObject)
            .GroupBy(a => (string)a["data"]!["promptId"]!)
            .Select(g => new SentQuestion(g.Key, (string)g.First()["data"]!["questionId"]!, g.Select(a => (string)a["data"]!["optionId"]!).ToList()))
            .ToList();

    /// <summary>Everything sent to the connector, for failure messages.</summary>
    public string SentBodies() => string.Join(Environment.NewLine, Sink.Requests.Select(r => $"{r.Method} {r.Uri} {r.Body}"));

    public async Task<HttpStatusCode> ReadyzAsync()
    {
        using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
        return response.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await Bot.DisposeAsync();
    }

    private static IEnumerable<JsonObject> Actions(JsonNode node) => node switch
    {
        JsonObject obj when ((string?)obj["type"])?.StartsWith("Action.", StringComparison.Ordinal) == true =>
            [obj, .. obj.SelectMany(p => p.Value is null ? [] : Actions(p.Value))],
        JsonObject obj => obj.SelectMany(p => p.Value is null ? [] : Actions(p.Value)),
        JsonArray array => array.OfType<JsonNode>().SelectMany(Actions),
        _ => [],
    };

    private JsonObject Activity(string user, string type) => new()
    {
        ["type"] = type,
        ["id"] = "act-" + Interlocked.Increment(ref nextActivity),
        ["channelId"] = "msteams",
        ["serviceUrl"] = ServiceUrl,
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["from"] = new JsonObject { ["id"] = "29:" + user, ["name"] = user, ["aadObjectId"] = LearnerId(user) },
        ["recipient"] = new JsonObject { ["id"] = "28:bot-app-id", ["name"] = "Beacon" },
        ["conversation"] = new JsonObject { ["id"] = "conv-" + user, ["conversationType"] = "personal", ["tenantId"] = TenantId },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
    };

    private Task<HttpResponseMessage> PostAsync(JsonObject activity, CancellationToken cancellationToken) =>
        http.PostAsync(
            new Uri("/api/messages", UriKind.Relative),
            new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
            cancellationToken);
}

internal sealed record SentQuestion(string PromptId, string QuestionId, IReadOnlyList<string> OptionIds);
