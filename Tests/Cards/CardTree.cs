namespace Beacon.Tests.Cards;

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

/// <summary>Walks a card's JSON: every object, the text blocks, the actions, the inputs.</summary>
public static partial class CardTree
{
    public static IEnumerable<JsonObject> Objects(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var child in obj.Select(pair => pair.Value).SelectMany(Objects))
                {
                    yield return child;
                }

                break;
            case JsonArray array:
                foreach (var child in array.SelectMany(Objects))
                {
                    yield return child;
                }

                break;
        }
    }

    public static IEnumerable<JsonObject> OfType(JsonNode card, string type) =>
        Objects(card).Where(node => (string?)node["type"] == type);

    public static IEnumerable<JsonObject> TextBlocks(JsonNode card) => OfType(card, "TextBlock");

    /// <summary>Objects shown before anything is expanded: the card inside an Action.ShowCard is left out.</summary>
    public static IEnumerable<JsonObject> ShownObjects(JsonNode? node) => node switch
    {
        JsonObject obj when (string?)obj["type"] == "Action.ShowCard" => [obj],
        JsonObject obj => [obj, .. obj.Select(pair => pair.Value).SelectMany(ShownObjects)],
        JsonArray array => array.SelectMany(ShownObjects),
        _ => [],
    };

    /// <summary>The buttons on screen before anything is expanded.</summary>
    public static IEnumerable<JsonObject> ShownActions(JsonNode card) =>
        ShownObjects(card).Where(node => ((string?)node["type"])?.StartsWith("Action.", StringComparison.Ordinal) == true);

    public static IEnumerable<JsonObject> Actions(JsonNode card) =>
        Objects(card).Where(node => ((string?)node["type"])?.StartsWith("Action.", StringComparison.Ordinal) == true);

    public static IEnumerable<JsonObject> Inputs(JsonNode card) =>
        Objects(card).Where(node => ((string?)node["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true);

    /// <summary>A TextBlock's text as read: Markdown emphasis, links and list markers removed.</summary>
    public static string PlainText(JsonObject textBlock)
    {
        var text = (string?)textBlock["text"] ?? string.Empty;
        text = Link().Replace(text, "$1");
        text = text.Replace("**", string.Empty, StringComparison.Ordinal);
        return ListMarker().Replace(text, string.Empty);
    }

    [GeneratedRegex(@"\[([^\]]+)\]\([^)\s]+\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"(?m)^\s*[-*]\s+")]
    private static partial Regex ListMarker();
}
