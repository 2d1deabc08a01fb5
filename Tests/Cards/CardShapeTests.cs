namespace Beacon.Tests.Cards;

using System.Text.Json.Nodes;
using Beacon.Cards;
using Beacon.Cards.Builders;
using Beacon.Cards.Model;
using Beacon.Cards.Views;

public class CardShapeTests
{
    private static readonly QuestionView Question = new(
        "prompt-1",
        "core-indicators-001",
        "Signs to notice",
        "A worker says her employer keeps her passport. What does this suggest?",
        [new OptionView("a", "Nothing unusual"), new OptionView("b", "A possible sign of forced labour"), new OptionView("c", "Proof of trafficking")]);

    [Fact]
    public void Question_card_is_version_1_5_with_an_execute_action_per_option()
    {
        var json = CardJson.ToJsonObject(QuestionCard.Build(Question));

        Assert.Equal("AdaptiveCard", (string?)json["type"]);
        Assert.Equal("1.5", (string?)json["version"]);
        var answers = AllActions(json).Where(a => (string?)a["type"] == "Action.Execute" && (string?)a["verb"] == Verbs.Answer).ToList();
        Assert.Equal(3, answers.Count);
        Assert.Equal(["a", "b", "c"], answers.Select(a => (string?)a["data"]![CardData.OptionId]));
        Assert.All(answers, a => Assert.Equal("prompt-1", (string?)a["data"]![CardData.PromptId]));
    }

    [Fact]
    public void Question_card_asks_for_confidence_with_unsure_as_default()
    {
        var json = CardJson.ToJsonObject(QuestionCard.Build(Question));

        var toggle = Descendants(json).Single(node => (string?)node["type"] == "Input.Toggle");
        Assert.Equal(CardData.Sure, (string?)toggle["id"]);
        Assert.Equal("false", (string?)toggle["value"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)toggle["label"]));
    }

    [Fact]
    public void Feedback_says_right_or_wrong_in_words_and_shows_why_what_to_do_and_source()
    {
        var view = new FeedbackView(
            Correct: false, WasSure: true, "Stem", "Nothing unusual", "Holding documents is a control tactic.", ["A possible sign"],
            "Because the ILO lists it.", "Tell your safeguarding lead.", "ILO indicators", new Uri("https://www.ilo.org/x"), "indicators");

        var text = CardJson.Serialize(FeedbackCard.Build(view));

        Assert.Contains("Not quite", text, StringComparison.Ordinal);
        Assert.Contains("Because the ILO lists it.", text, StringComparison.Ordinal);
        Assert.Contains("Tell your safeguarding lead.", text, StringComparison.Ordinal);
        Assert.Contains("https://www.ilo.org/x", text, StringComparison.Ordinal);
        Assert.Contains("\"verb\":\"quiz\"", text, StringComparison.Ordinal);
        Assert.Contains("\"verb\":\"refresher\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Guidance_puts_the_emergency_number_first()
    {
        var view = new GuidanceView(
            "United States", "911", null,
            [new GuidanceLineView("National Human Trafficking Hotline", "1-888-373-7888", "233733", new Uri("https://humantraffickinghotline.org"), "24/7")],
            ["What you saw"], ["Do not confront"], null);

        var json = CardJson.ToJsonObject(GuidanceCard.Build(view));
        var firstText = Descendants(json).First(node => (string?)node["type"] == "TextBlock");

        Assert.Contains("911", (string?)firstText["text"], StringComparison.Ordinal);
        Assert.Contains(AllActions(json), a => (string?)a["url"] == "tel:911");
        Assert.Contains(AllActions(json), a => (string?)a["url"] == "tel:18883737888");
    }

    [Fact]
    public void Every_card_carries_report_a_concern()
    {
        AdaptiveCard[] cards =
        [
            QuestionCard.Build(Question),
            HelpCard.Build(),
            HelpCard.Build("blah"),
            WelcomeCard.Build(new WelcomeView("Sam", [new TrackView("healthcare", "Healthcare")], null)),
            RoleCard.Build([new TrackView("healthcare", "Healthcare")], null),
            NoticeCard.CouldNotSave(),
            RefresherCard.Build(new RefresherView("r", "Signs", "Title", ["a", "b", "c"], "Do this", "Src", new Uri("https://example.org"))),
        ];

        Assert.All(cards, card => Assert.Contains(
            AllActions(CardJson.ToJsonObject(card)),
            a => (string?)a["type"] == "Action.Execute" && (string?)a["verb"] == Verbs.Report));
    }

    private static IEnumerable<JsonObject> Descendants(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            yield return obj;
            foreach (var child in obj.Select(p => p.Value).OfType<JsonNode>().SelectMany(Descendants))
            {
                yield return child;
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array.OfType<JsonNode>().SelectMany(Descendants))
            {
                yield return child;
            }
        }
    }

    private static IEnumerable<JsonObject> AllActions(JsonObject card) =>
        Descendants(card).Where(node => ((string?)node["type"])?.StartsWith("Action.", StringComparison.Ordinal) == true);
}
