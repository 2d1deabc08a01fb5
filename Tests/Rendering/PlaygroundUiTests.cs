namespace Beacon.Tests.Rendering;

using System.Text.Json.Nodes;
using Beacon.Tests.EndToEnd;
using Beacon.Tests.Support;

/// <summary>
/// A person in the Agents Playground's web client (Microsoft's Teams emulator), driven by
/// playwright-core in Debian's Chromium against the real bot.
/// </summary>
public class PlaygroundUiTests
{
    [Theory]
    [InlineData("quiz")]
    [InlineData("report")]
    public async Task A_learner_in_the_Playground_web_client(string scenario)
    {
        var chromium = Chromium.RequirePath();
        await using var bot = await RunningBot.StartAsync();
        await using var playground = await AgentsPlayground.StartAsync(bot.MessagesEndpoint);
        var screenshots = Path.Combine(Path.GetTempPath(), $"beacon-playground-{Guid.NewGuid():N}");

        var run = await NodeScript.RunAsync(
            "playground-ui.js",
            [playground.Http.BaseAddress!.AbsoluteUri, scenario, screenshots],
            TimeSpan.FromMinutes(2),
            new Dictionary<string, string> { ["CHROMIUM"] = chromium });

        var report = run.Output.Length > 0 ? JsonNode.Parse(run.Output) : null;
        Assert.True(
            run.ExitCode == 0 && report?["error"] is null,
            $"{scenario}: {run.Output} {run.Error} (screenshots in {screenshots}){Environment.NewLine}Playground:{Environment.NewLine}{playground.ProcessOutput}{Environment.NewLine}Bot:{Environment.NewLine}{bot.Logs}");
        Assert.NotEmpty(report!["steps"]!.AsArray());
        Directory.Delete(screenshots, recursive: true);
    }
}
