namespace Beacon.Bot.Protocol;

using System.Text.Json;
using System.Text.Json.Serialization;

/// <summary>
/// Metadata attached to an activity (mention, clientInfo, ...). Only the type is typed; the rest
/// stays in <see cref="Properties"/> and is read with <see cref="GetString"/>.
/// </summary>
public sealed class Entity
{
    public const string MentionType = "mention";
    public const string ClientInfoType = "clientInfo";

    public string? Type { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>A string property of the entity, or null.</summary>
    public string? GetString(string name) =>
        Properties is not null && Properties.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>A string property of an object property (for example mentioned.id), or null.</summary>
    public string? GetString(string objectName, string name) =>
        Properties is not null
        && Properties.TryGetValue(objectName, out var obj)
        && obj.ValueKind == JsonValueKind.Object
        && obj.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
