namespace Beacon.Tests.EndToEnd;

using System.Text.Json.Nodes;
using Beacon.Tests.Cards;

/// <summary>Reading the cards of messages the bot sent through the Playground: the card, its inputs as the user would submit them, its actions.</summary>
internal static class PlaygroundCards
{
    public static JsonObject CardOf(JsonNode message)
    {
        var attachment = message["attachments"]?.AsArray().OfType<JsonObject>()
            .FirstOrDefault(a => (string?)a["contentType"] == "application/vnd.microsoft.card.adaptive");
        var content = attachment?["content"];
        Assert.NotNull(content);
        return content is JsonValue value ? JsonNode.Parse((string)value!)!.AsObject() : content.AsObject();
    }

    public static JsonObject Inputs(JsonObject card)
    {
        var inputs = new JsonObject();
        foreach (var input in CardTree.Inputs(card).Where(i => i["id"] is not null))
        {
            inputs[(string)input["id"]!] = input["value"]?.DeepClone();
        }

        return inputs;
    }

    public static IEnumerable<JsonObject> Actions(JsonNode node) =>
        CardTree.Objects(node).Where(o => ((string?)o["type"])?.StartsWith("Action.", StringComparison.Ordinal) == true);
}
