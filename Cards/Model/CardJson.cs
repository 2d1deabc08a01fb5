namespace Beacon.Cards.Model;

using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

/// <summary>The one way a card becomes JSON.</summary>
public static class CardJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
    };

    public static JsonObject ToJsonObject(AdaptiveCard card) =>
        JsonSerializer.SerializeToNode(card, Options)!.AsObject();

    public static string Serialize(AdaptiveCard card) => JsonSerializer.Serialize(card, Options);

    /// <summary>Writes the card straight into a larger document (an activity, an invoke response).</summary>
    public static void Write(Utf8JsonWriter writer, AdaptiveCard card) => JsonSerializer.Serialize(writer, card, Options);
}
