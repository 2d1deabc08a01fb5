namespace Beacon.Tests.FirstRun;

using System.IO.Compression;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Beacon.Tests.Deployment;
using Beacon.Tests.Storage;
using Beacon.Tests.Support;

/// <summary>
/// Issue 20's first run: the README's commands, taken from the README and run as written by bash in
/// a fresh clone of the repository (its committed HEAD): <c>manifest pack</c> from the root,
/// <c>npm ci</c>, the bot, the headless Playground line, and <c>node tools/chat.js "quiz"</c>.
/// Only the ports differ: the README's 3978 and the Playground's default 56150 become free ports
/// (through ASPNETCORE_URLS, a <c>-p</c> and PLAYGROUND_PORT), so parallel runs do not collide.
/// </summary>
public sealed partial class ReadmeCommandsTests
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task The_first_run_commands_work_as_written_on_a_fresh_clone()
    {
        using var temp = new TempDirectory();
        var clone = Path.Combine(temp.Path, "beacon");
        var cloned = await ProcessRun.RunAsync("git", ["clone", "--quiet", RepositoryRoot.Path, clone], TimeSpan.FromMinutes(2));
        Assert.True(cloned.ExitCode == 0, $"git clone failed: {cloned.Error}");
        var readme = await File.ReadAllTextAsync(Path.Combine(clone, "README.md"));

        var pack = Command(ManifestPackLine().Match(readme)).Replace("<id>", "4c5a8f2e-1b3d-4e6f-9a7b-2c1d0e9f8a7b", StringComparison.Ordinal);
        var packed = await BashAsync(pack, clone, BuildTimeout);
        var zip = Path.Combine(clone, "beacon.zip");
        Assert.True(packed.ExitCode == 0, $"`{pack}` failed:\n{packed.Output}\n{packed.Error}");
        Assert.Contains(zip, packed.Output, StringComparison.Ordinal);
        using (var archive = ZipFile.OpenRead(zip))
        {
            Assert.Equal(["color.png", "manifest.json", "outline.png"], archive.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        }

        var chatBlock = ChatBlock().Match(readme);
        Assert.True(chatBlock.Success, "README has no bash block under \"Chat with the local bot\"");
        var lines = chatBlock.Groups["block"].Value.Split('\n').Select(l => l.Split('#')[0].Trim()).Where(l => l.Length > 0).ToList();
        var npmCi = lines.IndexOf("npm ci");
        var botLine = lines.Single(l => l.StartsWith("dotnet run --project Bot", StringComparison.Ordinal));
        Assert.True(npmCi >= 0 && npmCi < lines.FindIndex(l => l.StartsWith("npx agentsplayground", StringComparison.Ordinal)), "README: `npm ci` must come before the Playground line");

        var installed = await BashAsync("npm ci", clone, BuildTimeout);
        Assert.True(installed.ExitCode == 0, $"npm ci failed:\n{installed.Output}\n{installed.Error}");

        var botPort = FreePort.Next();
        await using var bot = ChildProcess.Start("bash", ["-c", botLine], new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{botPort}" }, clone);
        await bot.WaitForLineAsync(line => line.Contains("Now listening on", StringComparison.Ordinal), StartTimeout);
        Assert.Contains("unauthenticated local mode (no App ID)", bot.Output, StringComparison.Ordinal);

        var playgroundPort = FreePort.Next();
        var headless = Command(HeadlessPlaygroundLine().Match(readme)).Replace("3978", botPort.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            + $" -p {playgroundPort}";
        await using (var playground = ChildProcess.Start("bash", ["-c", headless], workingDirectory: clone))
        {
            await playground.WaitForLineAsync(line => line.Contains($"Listening on {playgroundPort}", StringComparison.Ordinal), StartTimeout);
            using var http = new HttpClient();
            var config = await http.GetFromJsonAsync<JsonObject>($"http://127.0.0.1:{playgroundPort}/_internal/v1/config");
            Assert.NotNull(config?["config"]?["currentUser"]?["aadObjectId"]);

            var chatLine = Command(ChatLine().Match(readme));
            var chat = await BashAsync(chatLine, clone, StartTimeout, new() { ["PLAYGROUND_PORT"] = $"{playgroundPort}" });
            Assert.True(chat.ExitCode == 0, $"`{chatLine}` failed:\n{chat.Output}\n{chat.Error}\nBot:\n{bot.Output}");
            Assert.Contains("--- Beacon:", chat.Output, StringComparison.Ordinal);
            Assert.Contains("[A]", chat.Output, StringComparison.Ordinal);
            Assert.Contains("[Report a concern]", chat.Output, StringComparison.Ordinal);
        }
    }

    private static string Command(Match match)
    {
        Assert.True(match.Success, "the README no longer holds this command");
        return match.Groups["command"].Value.Trim();
    }

    private static Task<ProcessRun> BashAsync(string command, string directory, TimeSpan timeout, Dictionary<string, string>? environment = null)
    {
        var exports = string.Concat((environment ?? []).Select(e => $"export {e.Key}='{e.Value}'; "));
        return ProcessRun.RunAsync("bash", ["-c", exports + command], timeout, directory);
    }

    [GeneratedRegex(@"`(?<command>dotnet run --project Bot -- manifest pack --app-id <id> --out beacon\.zip)`")]
    private static partial Regex ManifestPackLine();

    [GeneratedRegex(@"## Chat with the local bot.*?```bash\n(?<block>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ChatBlock();

    [GeneratedRegex(@"^(?<command>TEAMSAPPTESTER_BROWSER=none npx agentsplayground [^\n#]*)$", RegexOptions.Multiline)]
    private static partial Regex HeadlessPlaygroundLine();

    [GeneratedRegex(@"^(?<command>node tools/chat\.js ""quiz"")$", RegexOptions.Multiline)]
    private static partial Regex ChatLine();
}
