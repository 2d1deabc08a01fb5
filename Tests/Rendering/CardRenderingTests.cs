namespace Beacon.Tests.Rendering;

using System.Text.Json.Nodes;
using Beacon.Cards.Catalogue;
using Beacon.Tests.Cards;
using Beacon.Tests.Support;

/// <summary>Renders the whole catalogue once (one browser) for the tests below.</summary>
public sealed class RenderedCatalogue : IAsyncLifetime
{
    public static string ScreenshotDirectory => RepositoryRoot.Combine("docs", "cards");

    public DateTime StartedUtc { get; } = DateTime.UtcNow.AddSeconds(-2);

    public string RendererVersion { get; private set; } = string.Empty;

    public IReadOnlyDictionary<string, RenderResult> Results { get; private set; } = new Dictionary<string, RenderResult>();

    public async Task InitializeAsync()
    {
        var (version, results) = await CardRenderer.RenderAsync(
            CardCatalogue.All.Select(entry => (entry.Name, CardRenderer.Json(entry.Card))),
            ScreenshotDirectory);
        RendererVersion = version;
        Results = results.ToDictionary(result => result.Name, StringComparer.Ordinal);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

public class CardRenderingTests(RenderedCatalogue rendered) : IClassFixture<RenderedCatalogue>
{
    public static TheoryData<string> CardNames => [.. CardCatalogue.All.Select(entry => entry.Name)];

    [Fact]
    public void The_official_renderer_3_0_6_rendered_every_catalogue_card()
    {
        Assert.Equal("3.0.6", rendered.RendererVersion);
        Assert.Equal(CardCatalogue.All.Select(entry => entry.Name).Order(), rendered.Results.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(CardNames))]
    public void Card_parses_with_no_errors_and_warnings_only_for_Teams_elements_with_a_fallback(string name)
    {
        var result = rendered.Results[name];
        var json = CardRenderer.Json(CardCatalogue.Find(name).Card);

        Assert.Null(result.Error);
        Assert.Empty(result.PageErrors);
        var unexpected = result.Events.Where(e => !IsTeamsElementWithFallback(e, json)).ToList();
        Assert.True(unexpected.Count == 0, $"{name}: {string.Join("; ", unexpected.Select(e => $"{e.Phase} {e.Event}: {e.Message}"))}");
        var invalid = result.Validation.Where(e => !IsTeamsDynamicChoiceSet(e, json)).ToList();
        Assert.True(invalid.Count == 0, $"{name}: {string.Join("; ", invalid.Select(e => $"{e.Event}: {e.Message}"))}");
    }

    [Theory]
    [MemberData(nameof(CardNames))]
    public void Card_renders_its_text_and_every_action_and_its_screenshot_is_written(string name)
    {
        var result = rendered.Results[name];
        var json = CardRenderer.Json(CardCatalogue.Find(name).Card);

        Assert.True(result.Rendered, $"{name} did not render");
        Assert.True(result.RenderedElements > 5 && result.Width > 0 && result.Height > 40, $"{name} rendered almost nothing: {result.RenderedElements} elements, {result.Width}x{result.Height}");
        var firstText = CardTree.TextBlocks(json).First();
        Assert.Contains(CardTree.PlainText(firstText).Split('\n')[0].Trim(), result.RenderedText, StringComparison.Ordinal);
        foreach (var title in CardTree.ShownActions(json).Select(a => (string)a["title"]!))
        {
            Assert.Contains(title, result.RenderedText, StringComparison.Ordinal);
        }

        var screenshot = Path.Combine(RenderedCatalogue.ScreenshotDirectory, name + ".png");
        Assert.Equal(Path.GetFullPath(screenshot), Path.GetFullPath(result.Screenshot!));
        // Written by this run, or kept because this run's rendering matched it (tools/render-cards.js).
        Assert.True(
            result.ScreenshotKept || File.GetLastWriteTimeUtc(screenshot) >= rendered.StartedUtc,
            $"{screenshot} was neither written by this run nor matched against it");
        var png = PngImage.Read(screenshot);
        Assert.Equal(result.Width + 2, png.Width); // the card plus the page's 1px border each side
        Assert.True(png.Height >= result.Height, $"{screenshot} is {png.Height}px tall; the card is {result.Height}px");
    }

    [Theory]
    [MemberData(nameof(CardNames))]
    public void Every_button_is_inside_the_card_with_its_whole_title_showing(string name)
    {
        var result = rendered.Results[name];
        var json = CardRenderer.Json(CardCatalogue.Find(name).Card);

        Assert.Equal(CardTree.ShownActions(json).Count(), result.Buttons.Count);
        var hidden = result.Buttons.Where(button => !button.Visible || button.Truncated).ToList();
        Assert.True(hidden.Count == 0, $"{name}: buttons clipped or cut short at a 520px card: {string.Join(", ", hidden)}");
    }

    [Fact]
    public void Docs_cards_holds_a_screenshot_for_every_catalogue_card_and_nothing_stale()
    {
        _ = rendered.Results;
        var files = Directory.GetFiles(RenderedCatalogue.ScreenshotDirectory, "*.png").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);

        Assert.Equal(CardCatalogue.All.Select(entry => entry.Name).Order(StringComparer.Ordinal), files);
    }

    /// <summary>A Teams people picker has no static choices: Teams fills them from <c>choices.data</c> as the user types.</summary>
    private static bool IsTeamsDynamicChoiceSet(RenderEvent e, JsonObject card) =>
        e.Event == "CollectionCantBeEmpty"
        && e.Message.Contains("Input.ChoiceSet", StringComparison.Ordinal)
        && CardTree.OfType(card, "Input.ChoiceSet").Any(c => c["choices.data"] is JsonObject && c["choices"] is JsonArray { Count: 0 });

    private static bool IsTeamsElementWithFallback(RenderEvent e, JsonObject card)
    {
        if (e.Event != "UnknownElementType")
        {
            return false;
        }

        var elements = CardTree.Objects(card)
            .Where(node => (string?)node["type"] is { } type && e.Message.Contains($"\"{type}\"", StringComparison.Ordinal))
            .ToList();
        return elements.Count > 0 && elements.All(node =>
            ((string)node["type"]!).StartsWith("Chart.", StringComparison.Ordinal) && node["fallback"] is JsonObject);
    }
}

/// <summary>The harness itself: a broken card must fail the checks above.</summary>
public class CardRendererHarnessTests
{
    [Fact]
    public async Task The_renderer_reports_an_unknown_element_without_fallback_and_an_input_without_label()
    {
        var broken = JsonNode.Parse("""
            {
              "type": "AdaptiveCard", "version": "1.5",
              "body": [
                { "type": "TextBlock", "text": "Broken on purpose" },
                { "type": "Chart.Donut", "data": [] },
                { "type": "Input.Text", "id": "x", "isRequired": true }
              ],
              "actions": [ { "type": "Action.Execute", "title": "Go", "verb": "go" } ]
            }
            """)!.AsObject();
        var directory = Path.Combine(Path.GetTempPath(), $"beacon-render-{Guid.NewGuid():N}");
        try
        {
            var (_, results) = await CardRenderer.RenderAsync([("broken", broken)], directory);

            var result = Assert.Single(results);
            Assert.Contains(result.Events, e => e.Event == "UnknownElementType" && e.Message.Contains("Chart.Donut", StringComparison.Ordinal));
            Assert.Contains(result.Validation, e => e.Event == "RequiredInputsShouldHaveLabel");
            Assert.True(File.Exists(Path.Combine(directory, "broken.png")));
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
