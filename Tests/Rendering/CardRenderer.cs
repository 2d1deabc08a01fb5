namespace Beacon.Tests.Rendering;

using System.Text.Json;
using System.Text.Json.Nodes;
using Beacon.Cards.Model;

/// <summary>What the official renderer made of one card (see tools/render-cards.js).</summary>
public sealed record RenderEvent(string Phase, string Event, string Message, string? Source);

public sealed record RenderedButton(string Title, bool Visible, bool Truncated);

public sealed record RenderResult(
    string Name,
    IReadOnlyList<RenderEvent> Events,
    IReadOnlyList<RenderEvent> Validation,
    bool Rendered,
    string RenderedText,
    int RenderedElements,
    int Width,
    int Height,
    string? Screenshot,
    bool ScreenshotKept,
    IReadOnlyList<RenderedButton> Buttons,
    string? Error,
    IReadOnlyList<string> PageErrors);

/// <summary>Renders cards with the npm <c>adaptivecards</c> renderer in headless Chromium.</summary>
public static class CardRenderer
{
    private static readonly JsonSerializerOptions ResultOptions = new(JsonSerializerDefaults.Web);

    public static async Task<(string RendererVersion, IReadOnlyList<RenderResult> Results)> RenderAsync(
        IEnumerable<(string Name, JsonObject Card)> cards, string screenshotDirectory)
    {
        var chromium = Chromium.RequirePath();
        var input = Path.Combine(Path.GetTempPath(), $"beacon-cards-{Guid.NewGuid():N}.json");
        var payload = new JsonArray(cards.Select(card => (JsonNode)new JsonObject { ["name"] = card.Name, ["card"] = card.Card }).ToArray());
        await File.WriteAllTextAsync(input, payload.ToJsonString());
        try
        {
            var run = await NodeScript.RunAsync(
                "render-cards.js",
                [input, screenshotDirectory],
                TimeSpan.FromMinutes(3),
                new Dictionary<string, string> { ["CHROMIUM"] = chromium });
            if (run.ExitCode != 0)
            {
                throw new InvalidOperationException($"tools/render-cards.js failed with exit code {run.ExitCode}: {run.Error}");
            }

            var document = JsonNode.Parse(run.Output)!;
            var results = document["results"].Deserialize<List<RenderResult>>(ResultOptions)!;
            return ((string)document["renderer"]!, results);
        }
        finally
        {
            File.Delete(input);
        }
    }

    public static JsonObject Json(AdaptiveCard card) => CardJson.ToJsonObject(card);
}
