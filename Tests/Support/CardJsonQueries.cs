namespace Beacon.Tests.Support;

using System.Text.Json.Nodes;

/// <summary>Looking into card JSON as Teams would receive it.</summary>
public static class CardJsonQueries
{
    public static IEnumerable<JsonObject> Descendants(JsonNode? node) => Beacon.Tests.Cards.CardTree.Objects(node);

    /// <summary>Every text value (TextBlock text, fact values) in reading order.</summary>
    public static List<string> Texts(JsonNode? node) =>
        Descendants(node).SelectMany(o => new[] { o["text"], o["value"] }).OfType<JsonValue>()
            .Where(v => v.TryGetValue<string>(out _)).Select(v => (string)v!).ToList();

    public static List<JsonObject> ExecuteActions(JsonNode? node, string verb) =>
        Descendants(node).Where(o => (string?)o["type"] == "Action.Execute" && (string?)o["verb"] == verb).ToList();

    /// <summary>The Adaptive Card attached to an outgoing activity, if any.</summary>
    public static JsonObject? CardOf(JsonNode? activity) =>
        (string?)activity?["attachments"]?[0]?["contentType"] == "application/vnd.microsoft.card.adaptive"
            ? activity!["attachments"]![0]!["content"]?.AsObject()
            : null;
}
