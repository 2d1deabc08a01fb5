namespace Beacon.Tests.Cards;

using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Beacon.Cards;
using Beacon.Cards.Catalogue;
using Beacon.Cards.Model;

/// <summary>Accessibility and Teams limits, checked on every card in the catalogue.</summary>
public class CardAccessibilityTests
{
    public const int MaxCardBytes = 28 * 1024;

    public static TheoryData<string> CardNames => [.. CardCatalogue.All.Select(entry => entry.Name)];

    [Theory]
    [MemberData(nameof(CardNames))]
    public void Every_input_has_a_label(string name)
    {
        var card = Json(name);

        Assert.All(CardTree.Inputs(card), input =>
            Assert.False(string.IsNullOrWhiteSpace((string?)input["label"]), $"{name}: input '{input["id"]}' has no label"));
    }

    [Theory]
    [MemberData(nameof(CardNames))]
    public void Every_image_has_alt_text_and_every_chart_a_table_or_fact_fallback(string name)
    {
        var card = Json(name);

        Assert.All(CardTree.OfType(card, "Image"), image =>
            Assert.False(string.IsNullOrWhiteSpace((string?)image["altText"]), $"{name}: image {image["url"]} has no altText"));
        Assert.All(CardTree.Objects(card).Where(IsChart), chart =>
            Assert.Contains((string?)chart["fallback"]?["type"], new[] { "Table", "FactSet", "Container" }));
    }

    [Theory]
    [MemberData(nameof(CardNames))]
    public void No_text_carries_its_meaning_only_by_emoji_or_colour(string name)
    {
        var card = Json(name);

        foreach (var block in CardTree.TextBlocks(card))
        {
            var text = CardTree.PlainText(block);
            Assert.True(HasWords(text), $"{name}: the text block \"{text}\" has no words, only symbols or emoji");
        }

        foreach (var fact in CardTree.Objects(card).Where(node => node["title"] is not null && node["value"] is not null && node["type"] is null))
        {
            Assert.True(HasWords((string)fact["title"]!) && HasWords((string)fact["value"]!), $"{name}: fact {fact.ToJsonString()} has no words");
        }

        Assert.All(CardTree.Actions(card), action =>
            Assert.True(HasWords((string?)action["title"] ?? string.Empty), $"{name}: action {action.ToJsonString()} has no words in its title"));
    }

    [Theory]
    [MemberData(nameof(CardNames))]
    public void Every_card_offers_Report_a_concern_as_a_universal_action(string name)
    {
        var card = Json(name);

        Assert.Contains(CardTree.Actions(card), action =>
            (string?)action["type"] == "Action.Execute"
            && (string?)action["verb"] == Verbs.Report
            && ((string?)action["title"])?.Contains("report a concern", StringComparison.OrdinalIgnoreCase) == true);
    }

    [Theory]
    [MemberData(nameof(CardNames))]
    public void Question_and_guidance_cards_have_speak_text_and_every_card_a_fallback_text(string name)
    {
        var card = CardCatalogue.Find(name).Card;

        if (name.StartsWith("question", StringComparison.Ordinal) || name.StartsWith("guidance", StringComparison.Ordinal))
        {
            Assert.False(string.IsNullOrWhiteSpace(card.Speak), $"{name} has no speak text");
        }

        Assert.False(string.IsNullOrWhiteSpace(card.FallbackText), $"{name} has no fallbackText");
    }

    [Theory]
    [MemberData(nameof(CardNames))]
    public void Card_is_version_1_5_under_28_KB_with_unique_ids(string name)
    {
        var card = CardCatalogue.Find(name).Card;
        var bytes = Encoding.UTF8.GetByteCount(CardJson.Serialize(card));

        Assert.Equal(AdaptiveCard.SchemaVersion, card.Version);
        Assert.True(bytes < MaxCardBytes, $"{name} is {bytes} bytes; Teams allows about {MaxCardBytes}");
        var ids = CardTree.Objects(Json(name)).Select(node => (string?)node["id"]).OfType<string>().ToList();
        Assert.Equal(ids.Distinct(StringComparer.Ordinal).Count(), ids.Count);
    }

    [Fact]
    public void The_checks_catch_an_emoji_only_text_and_an_unlabelled_input()
    {
        Assert.False(HasWords("✅"));
        Assert.False(HasWords("👍 🚨 !"));
        Assert.True(HasWords("✅ Correct"));
        Assert.True(HasWords("911"));
        var unlabelled = JsonNode.Parse("""{"body":[{"type":"Input.Text","id":"x"}]}""")!;
        Assert.Contains(CardTree.Inputs(unlabelled), input => input["label"] is null);
    }

    /// <summary>True when the text has a letter or digit, so it says something without pictures.</summary>
    public static bool HasWords(string text) =>
        text.EnumerateRunes().Any(rune => Rune.GetUnicodeCategory(rune) is
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber);

    private static bool IsChart(JsonObject node) => ((string?)node["type"])?.StartsWith("Chart.", StringComparison.Ordinal) == true;

    private static JsonObject Json(string name) => CardJson.ToJsonObject(CardCatalogue.Find(name).Card);
}
