namespace Beacon.Tests.EndToEnd;

using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Beacon.Tests.Support;

/// <summary>
/// Microsoft's Agents Playground (npm @microsoft/m365agentsplayground) as the Teams client:
/// it posts activities to the bot, serves the connector the bot replies to, and streams what
/// the bot sent over a websocket.
/// </summary>
public sealed class AgentsPlayground : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly ChildProcess process;
    private readonly ClientWebSocket socket = new();
    private readonly Channel<JsonObject> events = Channel.CreateUnbounded<JsonObject>();
    private readonly CancellationTokenSource stop = new();
    private Task? pump;

    private AgentsPlayground(ChildProcess process, int port)
    {
        this.process = process;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
    }

    public HttpClient Http { get; }

    public string PersonalChatId { get; private set; } = string.Empty;

    public string TenantId { get; private set; } = string.Empty;

    public string UserId { get; private set; } = string.Empty;

    public JsonObject Config { get; private set; } = [];

    public string ProcessOutput => process.Output;

    public static async Task<AgentsPlayground> StartAsync(Uri botMessagesEndpoint)
    {
        ArgumentNullException.ThrowIfNull(botMessagesEndpoint);
        var cli = RepositoryRoot.NodeModule("@microsoft", "m365agentsplayground", "cli.js");
        var port = FreePort.Next();
        var process = ChildProcess.Start(
            "node",
            [cli, "-e", botMessagesEndpoint.AbsoluteUri, "-c", "msteams", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--dt"],
            new Dictionary<string, string> { ["TEAMSAPPTESTER_BROWSER"] = "none" });
        var playground = new AgentsPlayground(process, port);
        try
        {
            await process.WaitForLineAsync(line => line.Contains($"Listening on {port}", StringComparison.Ordinal), StartTimeout);
            await playground.ConnectAsync(port);
            return playground;
        }
        catch
        {
            await playground.DisposeAsync();
            throw;
        }
    }

    /// <summary>Installs the app in the personal chat, as a user adding Beacon in Teams.</summary>
    public async Task InstallAsync()
    {
        var template = await Http.GetFromJsonAsync<JsonObject>(
            $"/_internal/v1/customActivities/template?conversationId={PersonalChatId}&type=install");
        using var response = await PostJsonAsync("/_internal/v1/customActivities", template!);
        response.EnsureSuccessStatusCode();
    }

    public Task SayAsync(string text) => SayInAsync(PersonalChatId, text);

    /// <summary>
    /// The current user types into a conversation: the personal chat, or a team channel (its id), where
    /// the Playground passes a message on only when it @mentions the bot, as Teams does.
    /// </summary>
    /// <param name="conversationId">The conversation, or a channel's id.</param>
    /// <param name="text">What is typed; <c>&lt;at&gt;Name&lt;/at&gt;</c> for each person in <paramref name="people"/>.</param>
    /// <param name="mentionBot">Starts the message with an @mention of the bot.</param>
    /// <param name="people">Ids of the Playground's users the text @mentions.</param>
    public async Task SayInAsync(string conversationId, string text, bool mentionBot = false, params string[] people)
    {
        var body = new JsonObject { ["from"] = new JsonObject { ["id"] = UserId }, ["text"] = text, ["textFormat"] = "plain" };
        var mentions = new JsonArray();
        if (mentionBot)
        {
            var at = $"<at>{(string?)Config["bot"]!["name"]}</at>";
            body["text"] = at + " " + text;
            mentions.Add(new JsonObject { ["mentioned"] = Config["bot"]!.DeepClone(), ["text"] = at });
        }

        foreach (var user in Config["users"]!.AsArray().OfType<JsonObject>().Where(u => people.Contains((string?)u["id"])))
        {
            mentions.Add(new JsonObject
            {
                ["mentioned"] = new JsonObject { ["id"] = user["id"]!.DeepClone(), ["name"] = user["name"]!.DeepClone() },
                ["text"] = $"<at>{(string?)user["name"]}</at>",
            });
        }

        if (mentions.Count > 0)
        {
            body["mentions"] = mentions;
        }

        using var response = await PostJsonAsync($"/_conversation/v1/conversations/{conversationId}/messages", body);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Presses an Action.Execute on a card the bot sent; returns the invoke response the Playground got.</summary>
    public Task<JsonNode?> ExecuteAsync(string replyToId, JsonObject action) => ExecuteAsAsync(UserId, PersonalChatId, replyToId, action);

    /// <summary>Presses an Action.Execute as <paramref name="userId"/> in <paramref name="conversationId"/>, with the card's inputs merged into its data.</summary>
    public async Task<JsonNode?> ExecuteAsAsync(string userId, string conversationId, string replyToId, JsonObject action, JsonObject? inputs = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        var data = action["data"]?.DeepClone().AsObject() ?? [];
        foreach (var (name, value) in inputs ?? [])
        {
            data[name] = value?.DeepClone();
        }

        var body = new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject
                {
                    ["type"] = "Action.Execute",
                    ["verb"] = (string?)action["verb"],
                    ["data"] = data,
                },
                ["trigger"] = "manual",
            },
            ["from"] = new JsonObject { ["id"] = userId },
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["replyToId"] = replyToId,
        };
        using var response = await PostJsonAsync("/_conversation/v1/invoke", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"invoke failed: {(int)response.StatusCode} {text}");
        return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
    }

    /// <summary>The next message the bot created in any conversation, skipping other events.</summary>
    public async Task<JsonObject> NextBotMessageAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var item = await events.Reader.ReadAsync(cancel.Token);
                if ((string?)item["action"] == "createMessage" && item["message"] is JsonObject message)
                {
                    return message;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No message from the bot within {timeout}. Playground output:{Environment.NewLine}{ProcessOutput}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        if (pump is not null)
        {
            await pump.ContinueWith(_ => { }, TaskScheduler.Default);
        }

        socket.Dispose();
        Http.Dispose();
        stop.Dispose();
        await process.DisposeAsync();
    }

    /// <summary>
    /// The Playground drops bodies whose content type carries a charset or that arrive chunked,
    /// so every body goes as plain application/json with a Content-Length.
    /// </summary>
    private async Task<HttpResponseMessage> PostJsonAsync(string path, JsonNode body)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body.ToJsonString()));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return await Http.PostAsync(path, content);
    }

    private async Task ConnectAsync(int port)
    {
        var config = await Http.GetFromJsonAsync<JsonObject>("/_internal/v1/config")
            ?? throw new InvalidOperationException("The Playground returned no configuration.");
        Config = config["config"]!.AsObject();
        PersonalChatId = (string)Config["personalChat"]!["id"]!;
        TenantId = (string)Config["tenantId"]!;
        UserId = (string)Config["currentUser"]!["id"]!;
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/_ws_conversation/v1/conversations/stream"), stop.Token);
        pump = Task.Run(PumpAsync);
    }

    private async Task PumpAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (!stop.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var text = Encoding.UTF8.GetString(message.ToArray());
                message.SetLength(0);
                if (JsonNode.Parse(text) is JsonObject item)
                {
                    events.Writer.TryWrite(item);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or JsonException)
        {
            // The socket closes when the Playground stops.
        }
        finally
        {
            events.Writer.TryComplete();
        }
    }
}
