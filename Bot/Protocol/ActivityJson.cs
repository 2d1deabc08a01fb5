namespace Beacon.Bot.Protocol;

using System.Text.Json;
using System.Text.Json.Serialization;

/// <summary>The JSON settings of the Bot Framework wire format (camelCase, nulls left out).</summary>
public static class ActivityJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
        Converters = { new AdaptiveCardJsonConverter() },
    };

    public static Activity? Deserialize(ReadOnlySpan<byte> utf8Json) => JsonSerializer.Deserialize<Activity>(utf8Json, Options);

    public static string Serialize(Activity activity) => JsonSerializer.Serialize(activity, Options);
}
