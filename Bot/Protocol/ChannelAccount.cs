namespace Beacon.Bot.Protocol;

using System.Text.Json;
using System.Text.Json.Serialization;

/// <summary>A user or bot on a channel.</summary>
public sealed class ChannelAccount
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    /// <summary>The Entra object id of a Teams user.</summary>
    public string? AadObjectId { get; set; }

    public string? Role { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}
