namespace Beacon.Bot.Protocol;

using System.Text.Json;
using System.Text.Json.Serialization;

/// <summary>
/// A Bot Framework activity as it travels on the wire. Only the fields Beacon reads or writes are
/// typed; everything else is kept in <see cref="Properties"/> so an activity round-trips unchanged.
/// </summary>
public sealed class Activity
{
    public string? Type { get; set; }

    public string? Id { get; set; }

    public DateTimeOffset? Timestamp { get; set; }

    public string? ServiceUrl { get; set; }

    public string? ChannelId { get; set; }

    public ChannelAccount? From { get; set; }

    public ChannelAccount? Recipient { get; set; }

    public ConversationAccount? Conversation { get; set; }

    public string? Text { get; set; }

    public string? TextFormat { get; set; }

    public JsonElement? Value { get; set; }

    public string? Name { get; set; }

    /// <summary>installationUpdate: add, add-upgrade, remove, remove-upgrade.</summary>
    public string? Action { get; set; }

    public IList<ChannelAccount>? MembersAdded { get; set; }

    public IList<ChannelAccount>? MembersRemoved { get; set; }

    public IList<Attachment>? Attachments { get; set; }

    public IList<Entity>? Entities { get; set; }

    public JsonElement? ChannelData { get; set; }

    public string? ReplyToId { get; set; }

    public string? Locale { get; set; }

    /// <summary>The notification text Teams shows for a message that carries only a card.</summary>
    public string? Summary { get; set; }

    public string? InputHint { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}
