namespace Beacon.Bot.Protocol;

using System.Text.Json;

/// <summary>The body of <c>POST v3/conversations</c>.</summary>
public sealed class ConversationParameters
{
    public bool IsGroup { get; set; }

    public ChannelAccount? Bot { get; set; }

    public IList<ChannelAccount>? Members { get; set; }

    public string? TenantId { get; set; }

    public string? TopicName { get; set; }

    public Activity? Activity { get; set; }

    public JsonElement? ChannelData { get; set; }
}
