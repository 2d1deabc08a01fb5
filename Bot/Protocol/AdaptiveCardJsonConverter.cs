namespace Beacon.Bot.Protocol;

using System.Text.Json;
using System.Text.Json.Serialization;
using Beacon.Cards.Model;

/// <summary>
/// Writes an <see cref="AdaptiveCard"/> inside a wire document the one way cards become JSON
/// (<see cref="CardJson"/>), once, instead of serialising it to a node and writing the node again.
/// </summary>
public sealed class AdaptiveCardJsonConverter : JsonConverter<AdaptiveCard>
{
    public override AdaptiveCard? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<AdaptiveCard>(ref reader, CardJson.Options);

    public override void Write(Utf8JsonWriter writer, AdaptiveCard value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        CardJson.Write(writer, value);
    }
}
