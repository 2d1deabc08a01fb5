namespace Beacon.Bot.Protocol;

using System.Text.Json;
using System.Text.Json.Serialization;

/// <summary>An attachment, for Beacon an Adaptive Card.</summary>
public sealed class Attachment
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public string? ContentType { get; set; }

    /// <summary>
    /// Inbound: the JSON as sent (a <see cref="JsonElement"/>). Outbound: the card itself, an
    /// <see cref="Beacon.Cards.Model.AdaptiveCard"/>, written by <see cref="AdaptiveCardJsonConverter"/>.
    /// </summary>
    public object? Content { get; set; }

    public string? ContentUrl { get; set; }

    public string? Name { get; set; }

    public string? ThumbnailUrl { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}
