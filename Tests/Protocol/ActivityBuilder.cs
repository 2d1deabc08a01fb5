namespace Beacon.Tests.Protocol;

using System.Text.Json;
using Beacon.Bot.Protocol;

/// <summary>Small activities for mapping tests.</summary>
internal static class ActivityBuilder
{
    public const string BotId = "28:bot-app-id";
    public const string UserId = "29:user-1";

    public static Activity Create(string type, string conversationType = "personal", Action<Activity>? configure = null)
    {
        var activity = new Activity
        {
            Type = type,
            Id = "act-1",
            ChannelId = "msteams",
            ServiceUrl = "https://smba.trafficmanager.net/emea/",
            From = new ChannelAccount { Id = UserId, Name = "Ana", AadObjectId = "aad-1" },
            Recipient = new ChannelAccount { Id = BotId, Name = "Beacon" },
            Conversation = new ConversationAccount { Id = "conv-1", ConversationType = conversationType, TenantId = "tenant-1" },
        };
        configure?.Invoke(activity);
        return activity;
    }

    public static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    public static Entity Mention(string id, string name) => new()
    {
        Type = "mention",
        Properties = new Dictionary<string, JsonElement>
        {
            ["mentioned"] = Json($$"""{"id":"{{id}}","name":"{{name}}"}"""),
            ["text"] = Json($"\"<at>{name}</at>\""),
        },
    };
}
