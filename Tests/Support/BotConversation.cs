namespace Beacon.Tests.Support;

using System.Text;
using System.Text.Json.Nodes;

/// <summary>
/// One Teams user talking to the real bot over HTTP: activities shaped as Teams sends them, with
/// the connector sink as their serviceUrl.
/// </summary>
public sealed class BotConversation(RunningBot bot, ConnectorSink sink)
{
    private static readonly HttpClient Http = new();

    public string TenantId { get; init; } = "tenant-1";

    public string UserId { get; init; } = "29:user-1";

    public string AadObjectId { get; init; } = "aad-user-1";

    public string ConversationId { get; init; } = "conv-1";

    public string ConversationType { get; init; } = "personal";

    public string Country { get; init; } = "US";

    public Task<HttpResponseMessage> SayAsync(string text) => PostAsync(Activity("message", text));

    /// <summary>Presses an Action.Execute: returns the parsed invoke response body.</summary>
    public async Task<JsonNode> ExecuteAsync(string verb, JsonObject? data = null)
    {
        var activity = Activity("invoke");
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = "activity-1";
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data ?? [] },
            ["trigger"] = "manual",
        };
        using var response = await PostAsync(activity);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    public JsonObject Activity(string type, string? text = null) => new()
    {
        ["type"] = type,
        ["id"] = Guid.NewGuid().ToString(),
        ["timestamp"] = "2026-11-28T09:00:00Z",
        ["channelId"] = "msteams",
        ["serviceUrl"] = sink.ServiceUrl.AbsoluteUri,
        ["from"] = new JsonObject { ["id"] = UserId, ["aadObjectId"] = AadObjectId, ["name"] = "Sam Rivera" },
        ["recipient"] = new JsonObject { ["id"] = "28:beacon", ["name"] = "Beacon" },
        ["conversation"] = new JsonObject { ["id"] = ConversationId, ["conversationType"] = ConversationType, ["tenantId"] = TenantId },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
        ["text"] = text,
        ["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US", ["country"] = Country, ["timezone"] = "America/New_York" }),
    };

    public async Task<HttpResponseMessage> PostAsync(JsonObject activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
        return await Http.PostAsync(bot.MessagesEndpoint, content);
    }
}
